package org.craftline.aid.domain;

import java.util.List;
import org.craftline.shared.TextSearch;
import org.craftline.shared.Where;

/**
 * The search box of the hardship recognitions and of the ledger: a student's number or name, by the
 * students list's rule ({@link TextSearch}). On PostgreSQL the name is the copy each row keeps
 * ({@code student_name}, kept by the triggers of migration V97), and a name search lists by it in
 * byte order, which the index {@code (student_name COLLATE "C", school_id, id)} reads in order: a
 * surname's page stops after its rows, and a surname nobody in the list bears reads nothing. The
 * number is searched through the student. H2 searches the joined name, in the list's usual order.
 */
final class StudentNameSearch {

    private StudentNameSearch() {}

    /** Adds the search of {@code q} to the list of {@code table}, joined to the student as {@code s}. */
    static void apply(Where where, String q, boolean postgres, String table, String alias) {
        TextSearch.Source[] sources = postgres
                ? new TextSearch.Source[] {
                    TextSearch.Source.own(null, "student_name").inNameOrder(),
                    TextSearch.Source.via("student_id", "student", "s", "student_number")
                }
                : new TextSearch.Source[] {TextSearch.Source.via("student_id", "student", "s", "student_number", "name")
                };
        TextSearch.apply(where, "q", q, postgres, table, alias, sources);
    }

    /**
     * Whether a list of students or of their rows is ordered by the student's name: a name search (not
     * a number) on PostgreSQL. The eligibility list too, by the student's own name index.
     */
    static boolean byName(String q, boolean postgres) {
        return postgres && q != null && !q.isBlank() && TextSearch.rule(q.strip(), true) != TextSearch.Rule.NUMBER;
    }

    /** The ORDER BY columns of a list ordered by name, ascending, together unique. */
    static List<String> byNameOrder(String alias) {
        return List.of("(" + alias + ".student_name COLLATE \"C\")", alias + ".school_id", alias + ".id");
    }
}
