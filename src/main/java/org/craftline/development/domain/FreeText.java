package org.craftline.development.domain;

/** Notes and reasons: they keep their Chinese punctuation (no half-width folding); only surrounding space goes. */
final class FreeText {

    private FreeText() {}

    static String of(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? null : t.substring(0, Math.min(500, t.length()));
    }
}
