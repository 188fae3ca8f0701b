package org.craftline.aid.domain;

import java.util.List;
import org.craftline.platform.Scope;
import org.craftline.shared.Term;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bureau's roll-up: per school of the user's scope (a region's or a group's for the bureau, its
 * own for a school) and term, the recipients and yuan of the waiver and the grant, from the ledger.
 */
@Service
public class RollUp {

    /** At most this many rows (schools times terms); a province filters by term, and a cut list says so. */
    static final int LIMIT = 1000;

    private final JdbcClient jdbc;
    private final AidStudents students;

    RollUp(JdbcClient jdbc, AidStudents students) {
        this.jdbc = jdbc;
        this.students = students;
    }

    /** The rows shown, and whether more were left off (the page says so; the API answers a header). */
    public record Rows(List<RollUpRow> rows, boolean cut, int limit) {}

    @Transactional(readOnly = true)
    public Rows of(Term term) {
        Scope scope = students.scope();
        Where where = Where.of(scope.sql("school_id"), scope.params())
                .and("term = :term", "term", term == null ? null : term.toString());
        List<RollUpRow> rows = jdbc.sql("""
                        SELECT sc.code AS school_code, sc.name AS school_name, t.term,
                               SUM(CASE WHEN t.kind = 'WAIVER' AND t.net > 0 THEN 1 ELSE 0 END) AS waiver_recipients,
                               SUM(CASE WHEN t.kind = 'WAIVER' THEN t.net ELSE 0 END) AS waiver_yuan,
                               SUM(CASE WHEN t.kind = 'GRANT' AND t.net > 0 THEN 1 ELSE 0 END) AS grant_recipients,
                               SUM(CASE WHEN t.kind = 'GRANT' THEN t.net ELSE 0 END) AS grant_yuan
                        FROM (SELECT school_id, term, kind, student_id, SUM(amount) AS net FROM aid_disbursement
                              %s GROUP BY school_id, term, kind, student_id) t
                        JOIN school sc ON sc.id = t.school_id
                        GROUP BY sc.code, sc.name, t.term
                        ORDER BY t.term DESC, sc.code
                        FETCH FIRST %d ROWS ONLY
                        """.formatted(where.sql(), LIMIT + 1))
                .params(where.params())
                .query(RollUpRow.class)
                .list();
        boolean cut = rows.size() > LIMIT;
        return new Rows(cut ? rows.subList(0, LIMIT) : rows, cut, LIMIT);
    }
}
