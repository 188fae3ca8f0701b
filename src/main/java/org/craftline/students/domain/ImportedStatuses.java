package org.craftline.students.domain;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.craftline.platform.ImportKind.KeyedProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An import states a student's status; for a stored student whose status it changes, the change must
 * be one the rules allow from the stored status (a graduate is not made enrolled again by a file).
 * The changes that need a reason and a document, or that move a major, class or school, are recorded
 * on the student's page; an import only takes the status.
 */
@Component
class ImportedStatuses {

    /** The (from, to) pairs of the changes, as SQL over stored {@code s} and staged {@code i}. */
    static final String ALLOWED = Stream.of(StatusChangeKind.values())
            .flatMap(kind -> Stream.of(StudentStatus.values())
                    .filter(kind::allowedFrom)
                    .filter(from -> kind.after(from) != from)
                    .map(from -> "(s.status = '" + from.name() + "' AND i.status = '"
                            + kind.after(from).name() + "')"))
            .distinct()
            .collect(Collectors.joining(" OR ", "(", ")"));

    private final JdbcClient jdbc;

    ImportedStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<KeyedProblem> inImport(String staging, String importKey, int limit) {
        return jdbc.sql("SELECT i.school_id, i.student_number, i.status " + StudentsMerge.match(staging)
                        + " AND s.status <> i.status AND NOT " + ALLOWED
                        + " ORDER BY i.school_id, i.student_number FETCH FIRST " + limit + " ROWS ONLY")
                .param("k", importKey)
                .query((rs, n) -> new KeyedProblem(
                        rs.getLong("school_id") + "/" + rs.getString("student_number"),
                        "status",
                        rs.getString("status"),
                        "student.status.importChange"))
                .list();
    }
}
