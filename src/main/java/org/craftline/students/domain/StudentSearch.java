package org.craftline.students.domain;

import java.util.List;
import org.craftline.shared.TextSearch;
import org.craftline.shared.Where;

/**
 * What the students list's search box finds, worded so that an index both finds the rows and gives
 * them in the list's order (a page then stops after its rows, whatever the school's size):
 *
 * <ul>
 *   <li>a text with a digit that could be a student number ({@code G2026}, {@code B-0012}) finds the
 *       numbers starting with it, as typed, in the list's order (the unique index (school,
 *       number));
 *   <li>other text finds names: containing it from three characters on (on PostgreSQL the names
 *       containing it found first, {@link TextSearch#nameContains}), starting with it when shorter
 *       (one or two characters: a surname), listed by name.
 * </ul>
 */
final class StudentSearch {

    private static final List<String> BY_NUMBER = List.of("s.school_id", "s.student_number");

    private StudentSearch() {}

    static boolean byNumber(String q) {
        return TextSearch.rule(q, true) == TextSearch.Rule.NUMBER;
    }

    /** The columns the list is ordered by (and read after, page by page) for this search. */
    static List<String> order(String q, boolean postgres) {
        if (q == null || q.isBlank() || byNumber(q.strip())) {
            return BY_NUMBER;
        }
        return List.of(nameColumn(postgres), "s.school_id", "s.student_number");
    }

    static Where apply(Where where, String q, boolean postgres) {
        if (q == null || q.isBlank()) {
            return where;
        }
        String text = q.strip();
        String prefix = escapeLike(text) + "%";
        if (byNumber(text)) {
            String below = upperBound(text);
            return where.and("s.student_number >= :qFrom", "qFrom", text)
                    .and("s.student_number < :qBelow", "qBelow", below)
                    .and("s.student_number LIKE :qPrefix", "qPrefix", prefix);
        }
        // in byte order the range is exactly the names starting with the text; a LIKE beside it
        // would only lower the planner's estimate and turn it from the ordered index to a sort
        TextSearch.Rule rule = TextSearch.rule(text, false);
        return where.param("qFrom", text)
                .param("qBelow", TextSearch.above(text))
                .and(
                        postgres && rule == TextSearch.Rule.CONTAINS
                                ? TextSearch.nameContains("student", "name", "s.name")
                                : TextSearch.condition("s.name", rule, postgres),
                        "qContains",
                        "%" + escapeLike(text) + "%")
                .param("qPrefix", prefix);
    }

    /** Byte order on PostgreSQL, whatever the database's collation: the order of student_name_order_ix. */
    private static String nameColumn(boolean postgres) {
        return TextSearch.byteOrder("s.name", postgres);
    }

    /**
     * A string above every string starting with the prefix, in byte order and in the usual
     * collations alike (the last letter or digit raised, trailing z, Z, 9 and punctuation dropped);
     * null when there is none. The LIKE beside it keeps the exact prefix.
     */
    static String upperBound(String prefix) {
        for (int i = prefix.length() - 1; i >= 0; i--) {
            char c = prefix.charAt(i);
            if ((c >= '0' && c < '9') || (c >= 'A' && c < 'Z') || (c >= 'a' && c < 'z')) {
                return prefix.substring(0, i) + (char) (c + 1);
            }
        }
        return null;
    }

    private static String escapeLike(String text) {
        return TextSearch.escapeLike(text);
    }
}
