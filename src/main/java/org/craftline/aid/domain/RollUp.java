package org.craftline.aid.domain;

import org.craftline.platform.Scope;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
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

    /** Per school and term: the recipients (net amount above zero) and net yuan of each kind, from the ledger. */
    static final String ROWS = """
            (SELECT t.school_id, sc.code AS school_code, sc.name AS school_name, t.term,
                    SUM(CASE WHEN t.kind = 'WAIVER' AND t.net > 0 THEN 1 ELSE 0 END) AS waiver_recipients,
                    SUM(CASE WHEN t.kind = 'WAIVER' THEN t.net ELSE 0 END) AS waiver_yuan,
                    SUM(CASE WHEN t.kind = 'GRANT' AND t.net > 0 THEN 1 ELSE 0 END) AS grant_recipients,
                    SUM(CASE WHEN t.kind = 'GRANT' THEN t.net ELSE 0 END) AS grant_yuan
             FROM (SELECT school_id, term, kind, student_id, SUM(amount) AS net FROM aid_disbursement
                   GROUP BY school_id, term, kind, student_id) t
             JOIN school sc ON sc.id = t.school_id
             GROUP BY t.school_id, sc.code, sc.name, t.term) r""";

    private final JdbcClient jdbc;
    private final AidStudents students;

    RollUp(JdbcClient jdbc, AidStudents students) {
        this.jdbc = jdbc;
        this.students = students;
    }

    /**
     * One page of the roll-up, newest term first. The scope and the term filter the grouped rows by
     * their grouping columns, which PostgreSQL pushes down into the grouping (a term of one school
     * reads that school's ledger of the term only).
     */
    @Transactional(readOnly = true)
    public Paged<RollUpRow> of(Term term, PageQuery page) {
        Scope scope = students.scope();
        Where where = Where.of(scope.sql("r.school_id"), scope.params())
                .and("r.term = :term", "term", term == null ? null : term.toString());
        return SqlPages.fetch(
                jdbc,
                "r.school_code, r.school_name, r.term, r.waiver_recipients, r.waiver_yuan, r.grant_recipients,"
                        + " r.grant_yuan",
                ROWS,
                where,
                "r.term DESC, r.school_code",
                page,
                RollUpRow.class);
    }
}
