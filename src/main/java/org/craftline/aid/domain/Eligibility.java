package org.craftline.aid.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
 * Who may have aid in a term, computed by one set-based query from the records (docs/aid.md). The
 * tuition waiver: enrolled students of years 1 to 3 who are rural, in an agriculture-related major or
 * recognised in hardship for the school year; the national grant: years 1 and 2, agriculture-related or
 * in hardship (a rural household alone does not qualify). The year of study is the term's school year
 * minus the entry year plus one.
 */
@Service
public class Eligibility {

    /** The enrolled students of years 1 to 3 in the school year starting :start, with what the rules read. */
    static final String BASE = """
            SELECT s.id AS student_id, s.school_id, sc.code AS school_code, s.student_number, s.name,
                   m.code AS major_code, m.name AS major_name, :start - s.entry_year + 1 AS study_year,
                   s.household = 'RURAL' AS rural, COALESCE(m.agriculture_related, m.code LIKE '61%') AS agriculture,
                   h.level AS hardship_level
            FROM student s JOIN school sc ON sc.id = s.school_id JOIN major m ON m.id = s.major_id
            LEFT JOIN hardship_recognition h ON h.student_id = s.id AND h.school_year = :start
                 AND h.decision = 'APPROVED'
            WHERE s.status = 'ENROLLED' AND s.entry_year BETWEEN :start - 2 AND :start
            """;

    /** BASE with the two eligibilities, as table {@code e}. */
    static final String ELIGIBLE_TABLE = "(SELECT b.*, (b.rural OR b.agriculture OR b.hardship_level IS NOT NULL)"
            + " AS waiver_eligible, (b.study_year <= 2 AND (b.agriculture OR b.hardship_level IS NOT NULL))"
            + " AS grant_eligible FROM (" + BASE + ") b) e";

    /** ELIGIBLE_TABLE with the term's decision. */
    static final String FROM =
            ELIGIBLE_TABLE + " LEFT JOIN aid_decision d ON d.student_id = e.student_id AND d.term = :term";

    static final String SELECT = "e.student_id, e.school_code, e.student_number, e.name, e.major_code, e.major_name,"
            + " e.study_year, e.rural, e.agriculture, e.hardship_level, e.waiver_eligible, e.grant_eligible,"
            + " d.waiver, d.grant_tier, d.version AS decision_version";

    private final JdbcClient jdbc;
    private final AidStudents students;

    Eligibility(JdbcClient jdbc, AidStudents students) {
        this.jdbc = jdbc;
        this.students = students;
    }

    /** Which students a list shows: the eligible for either (the default), for one kind, or all of years 1-3. */
    public enum Show {
        ELIGIBLE,
        WAIVER,
        GRANT,
        ALL
    }

    /** The filters of the list: a term, a school (by code, within scope), a student number or name. */
    public record Filter(Term term, String school, String q, Show show) {}

    @Transactional(readOnly = true)
    public Paged<EligibilityView> list(Filter filter, PageQuery page) {
        Scope scope = students.scope();
        Where where = Where.of(scope.sql("e.school_id"), scope.params())
                .and("e.school_code = :school", "school", filter.school())
                .contains(filter.q(), "e.student_number", "e.name")
                .andIf(filter.show() == Show.ELIGIBLE, "(e.waiver_eligible OR e.grant_eligible)")
                .andIf(filter.show() == Show.WAIVER, "e.waiver_eligible")
                .andIf(filter.show() == Show.GRANT, "e.grant_eligible");
        bindTerm(where, filter.term());
        return SqlPages.fetch(jdbc, SELECT, FROM, where, "e.school_id, e.student_number", page, EligibilityView.class);
    }

    /** The student's eligibility in the term; empty when it is not an enrolled student of years 1 to 3. */
    @Transactional(readOnly = true)
    public Optional<EligibilityView> of(long studentId, Term term) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", studentId);
        params.put("start", term.startYear());
        params.put("term", term.toString());
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE e.student_id = :id")
                .params(params)
                .query(EligibilityView.class)
                .optional();
    }

    static void bindTerm(Where where, Term term) {
        where.param("start", term.startYear()).param("term", term.toString());
    }
}
