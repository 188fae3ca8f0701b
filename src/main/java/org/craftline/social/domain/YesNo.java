package org.craftline.social.domain;

import java.util.Locale;
import java.util.Set;

/** A yes/no cell of a spreadsheet: 是/否, yes/no, true/false, Y/N, 1/0; blank means not given. */
final class YesNo {

    private static final Set<String> YES = Set.of("是", "yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("否", "no", "n", "false", "0");

    private YesNo() {}

    static boolean readable(String text) {
        return text == null || text.isBlank() || YES.contains(key(text)) || NO.contains(key(text));
    }

    /** The value of a readable cell; null when blank. */
    static Boolean value(String text) {
        return text == null || text.isBlank() ? null : YES.contains(key(text));
    }

    static String label(Boolean value, boolean english) {
        if (value == null) {
            return "";
        }
        return value ? (english ? "Yes" : "是") : (english ? "No" : "否");
    }

    private static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
