package org.craftline.shared;

import java.util.Locale;
import java.util.Set;

/**
 * A yes/no cell of a spreadsheet: 是/否, yes/no, true/false, Y/N, 1/0; blank means not given. Read
 * by the imports that have such cells (social training's trainees, students' guardians).
 */
public final class YesNo {

    private static final Set<String> YES = Set.of("是", "yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("否", "no", "n", "false", "0");

    private YesNo() {}

    public static boolean readable(String text) {
        return text == null || text.isBlank() || YES.contains(key(text)) || NO.contains(key(text));
    }

    /** The value of a readable cell; null when blank. */
    public static Boolean value(String text) {
        return text == null || text.isBlank() ? null : YES.contains(key(text));
    }

    public static String label(Boolean value, boolean english) {
        if (value == null) {
            return "";
        }
        return value ? (english ? "Yes" : "是") : (english ? "No" : "否");
    }

    private static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }
}
