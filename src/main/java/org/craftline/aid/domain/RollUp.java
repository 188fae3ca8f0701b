package org.craftline.aid.domain;

import org.craftline.indicators.Summaries;
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

    /**
     * Per school and term: the recipients (net amount above zero) and net yuan of each kind, from the
     * summary the indicators' summaries keep of the ledger (migration V98): a few rows a school and
     * term, whatever the length of its ledger.
     */
    static final String ROWS = """
            (SELECT a.school_id, sc.code AS school_code, sc.name AS school_name, a.term,
                    SUM(CASE WHEN a.kind = 'WAIVER' THEN a.recipients ELSE 0 END) AS waiver_recipients,
                    SUM(CASE WHEN a.kind = 'WAIVER' THEN a.yuan ELSE 0 END) AS waiver_yuan,
                    SUM(CASE WHEN a.kind = 'GRANT' THEN a.recipients ELSE 0 END) AS grant_recipients,
                    SUM(CASE WHEN a.kind = 'GRANT' THEN a.yuan ELSE 0 END) AS grant_yuan
             FROM summary_aid a JOIN school sc ON sc.id = a.school_id
             GROUP BY a.school_id, sc.code, sc.name, a.term) r""";

    private final JdbcClient jdbc;
    private final AidStudents students;
    private final Summaries summaries;

    RollUp(JdbcClient jdbc, AidStudents students, Summaries summaries) {
        this.jdbc = jdbc;
        this.students = students;
        this.summaries = summaries;
    }

    /**
     * One page of the roll-up, newest term first. The scope and the term filter the grouped rows by
     * their grouping columns, which the databases push down into the grouping (a school's term reads
     * that school's two summary rows of the term).
     */
    @Transactional(readOnly = true)
    public Paged<RollUpRow> of(Term term, PageQuery page) {
        Scope scope = students.scope();
        summaries.current(); // every committed payment in the summary
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
