package org.craftline.platform;

/**
 * A column of an import kind's template: its key, its Chinese and English headers (either is
 * accepted on import), whether a row must fill it, and an example value for the template.
 */
public record ImportColumn(String key, String zh, String en, boolean required, String example) {

    public String header(boolean english) {
        return english ? en : zh;
    }
}
