package org.craftline.indicators;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** School terms as the training records write them: {@code 2025-2026-1} (Sep-Jan), {@code 2025-2026-2} (Feb-Aug). */
final class Terms {

    private static final Pattern TERM = Pattern.compile("(\\d{4})-(\\d{4})-[12]");

    private Terms() {}

    static String of(LocalDate day) {
        int year = day.getYear();
        int month = day.getMonthValue();
        if (month >= 9) {
            return year + "-" + (year + 1) + "-1";
        }
        return (year - 1) + "-" + year + (month == 1 ? "-1" : "-2");
    }

    static boolean valid(String term) {
        Matcher m = TERM.matcher(term);
        return m.matches() && Integer.parseInt(m.group(2)) == Integer.parseInt(m.group(1)) + 1;
    }
}
