package org.craftline.shared;

/** Clean-up of text typed or pasted by users, who often type with a Chinese input method. */
public final class Text {

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_WIDTH_OFFSET = 0xFF01 - 0x21;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    private static final char NO_BREAK_SPACE = '\u00A0';

    private Text() {}

    /**
     * Turns full-width ASCII variants into ASCII, ideographic and non-breaking spaces into plain
     * spaces, and strips leading and trailing whitespace; null stays null.
     */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        // most cells need no mapping: an import calls this for every cell of a million rows
        if (!needsMapping(raw)) {
            return raw.strip();
        }
        var out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
                out.append((char) (c - FULL_WIDTH_OFFSET));
            } else if (c == IDEOGRAPHIC_SPACE || c == NO_BREAK_SPACE) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static boolean needsMapping(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) || c == IDEOGRAPHIC_SPACE || c == NO_BREAK_SPACE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The length of a text as people count it: in code points, so that a rare character outside the
     * Basic Multilingual Plane (CJK Extension B such as 𠀀, two UTF-16 chars) counts once, as
     * PostgreSQL's VARCHAR(n) counts it. Every length limit on user text uses this; 0 for null.
     */
    public static int length(CharSequence text) {
        return text == null ? 0 : Character.codePointCount(text, 0, text.length());
    }

    /** Whether the text has more than {@code max} characters, counted as {@link #length}. */
    public static boolean longerThan(CharSequence text, int max) {
        return length(text) > max;
    }

    /** The text itself, or null when it is null, empty or only whitespace. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Whether the text holds a control character other than tab, line feed or carriage return (a
     * NUL reaches PostgreSQL as an error): refused wherever text comes in.
     */
    public static boolean hasControl(String text) {
        if (text == null) {
            return false;
        }
        // a loop, not a stream: an import asks this of every cell of a million rows
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** The text with each control character shown as {@code ?}: for an error that quotes it. */
    public static String controlShown(String text) {
        return text == null ? null : text.replaceAll("\\p{Cc}", "?");
    }
}
