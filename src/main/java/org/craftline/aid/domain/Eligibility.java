package org.craftline.aid.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.craftline.platform.Scope;
import org.craftline.shared.Keyset;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.Term;
import org.craftline.shared.TextSearch;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may have aid in a term, computed by one set-based query from the records as they were in the
 * term (docs/aid.md). The tuition waiver: full-time students with formal status of years 1 to 3 who are
 * rural, in an agriculture-related major or recognised in hardship for the school year; the national
 * grant: years 1 and 2, agriculture-related or in hardship (a rural household alone does not qualify).
 * The year of study is the term's school year minus the entry year plus one.
 */
@Service
public class Eligibility {

    /**
     * The students in school in the term: 在读 on its first day (the latest history row up to that day),
     * or come in during it (a row of the term making them 在读: a spring intake, a 复学). {@code in_on} is
     * the day their state is read: the term's first day, or that first day in school. An entry year
     * only ever moves later (留级, 复学), so a student entered before {@code :start - 2} never was in
     * years 1 to 3 of the term and is not read.
     */
    static final String IN_SCHOOL = """
            SELECT s.id, s.school_id, s.student_number, s.name, s.household, s.major_id, s.entry_year, s.full_time,
                   s.national_number,
                   COALESCE(CASE WHEN (SELECT c.status FROM student_status_change c
                                       WHERE c.student_id = s.id AND c.changed_on <= :from
                                       ORDER BY c.changed_on DESC, c.id DESC FETCH FIRST 1 ROW ONLY) = 'ENROLLED'
                                 THEN CAST(:from AS DATE) END,
                            (SELECT MIN(c.changed_on) FROM student_status_change c
                             WHERE c.student_id = s.id AND c.changed_on > :from AND c.changed_on <= :to
                               AND c.status = 'ENROLLED')) AS in_on
            FROM student s
            WHERE s.entry_year >= :start - 2
            """;

    /**
     * IN_SCHOOL with the major and entry year on {@code in_on}: what the first change after that day
     * records it changed from, else the present ones; and whether the term is the student's first
     * (no enrolment before it). That one is a scalar subquery, not NOT EXISTS: PostgreSQL may run a
     * NOT EXISTS in a select list as a hashed subplan, reading every student's history of every
     * school once for each of its three uses (60 of the 142 ms of the list's page at 100,000
     * students, docs/benchmarks.md "The aid lists"); a scalar subquery reads the student's own rows.
     */
    static final String AS_OF = """
            SELECT a.*,
                   COALESCE((SELECT c.from_major_id FROM student_status_change c
                             WHERE c.student_id = a.id AND c.changed_on > a.in_on AND c.from_major_id IS NOT NULL
                             ORDER BY c.changed_on, c.id FETCH FIRST 1 ROW ONLY), a.major_id) AS major_then,
                   COALESCE((SELECT c.from_entry_year FROM student_status_change c
                             WHERE c.student_id = a.id AND c.changed_on > a.in_on AND c.from_entry_year IS NOT NULL
                             ORDER BY c.changed_on, c.id FETCH FIRST 1 ROW ONLY), a.entry_year) AS entry_then,
                   (SELECT MIN(c.changed_on) FROM student_status_change c
                    WHERE c.student_id = a.id AND c.status = 'ENROLLED' AND c.changed_on < :from) IS NULL
                     AS first_term
            FROM (%s) a
            WHERE a.in_on IS NOT NULL
            """.formatted(IN_SCHOOL);

    /**
     * The students of years 1 to 3 in school in the term (school year :start, days :from to :to), with
     * what the rules read. A spring intake (entered before its entry year's autumn) is in year 1. The
     * approved recognition of the school year is a scalar subquery (one a student and year, by
     * hardship_student_year_uk): as a join, a low estimate of the list's rows once made PostgreSQL
     * read the whole recognitions table for each student (1 s for the grant's page at 1,000,000).
     * The major of the term is looked up the same way, not joined: the join's key is computed (the
     * first change's from_major_id), and with the majors analysed (8 rows) PostgreSQL joined them by a
     * nested loop that computed the key again for every major of every student (page 1 of a
     * 100,000-student school 557 ms against 28, docs/benchmarks.md); a subquery computes it once a
     * row for the eligibility, the code and name only for the page's rows.
     */
    static final String BASE = """
            SELECT t.id AS student_id, t.school_id, sc.code AS school_code, t.student_number, t.name,
                   (SELECT m.code FROM major m WHERE m.id = t.major_then) AS major_code,
                   (SELECT m.name FROM major m WHERE m.id = t.major_then) AS major_name,
                   GREATEST(:start - t.entry_then + 1, 1) AS study_year,
                   t.in_on AS as_of, t.household = 'RURAL' AS rural,
                   COALESCE((SELECT COALESCE(m.agriculture_related, m.code LIKE '61%%') FROM major m
                             WHERE m.id = t.major_then), FALSE) AS agriculture,
                   (SELECT h.level FROM hardship_recognition h
                    WHERE h.student_id = t.id AND h.school_year = :start AND h.decision = 'APPROVED') AS hardship_level,
                   t.full_time, t.national_number IS NOT NULL AS registered, t.first_term
            FROM (%s) t JOIN school sc ON sc.id = t.school_id
            WHERE t.entry_then BETWEEN :start - 2 AND :start + 1
            """.formatted(AS_OF);

    /** Full-time with formal status (a 学籍号, or its first term: registration is due within it). */
    static final String ADMITTED = "b.full_time AND (b.registered OR b.first_term)";

    /** BASE with the two eligibilities, as table {@code e}. */
    static final String ELIGIBLE_TABLE = "(SELECT b.*, (" + ADMITTED
            + " AND (b.rural OR b.agriculture OR b.hardship_level IS NOT NULL)) AS waiver_eligible, (" + ADMITTED
            + " AND b.study_year <= 2 AND (b.agriculture OR b.hardship_level IS NOT NULL)) AS grant_eligible"
            + " FROM (" + BASE + ") b) e";

    /** One column of the student's decision for the term, by {@code aid_decision_student_term_uk}. */
    private static String decision(String column) {
        return "(SELECT d." + column + " FROM aid_decision d WHERE d.student_id = e.student_id AND d.term = :term)";
    }

    /**
     * The decision's columns are subqueries, not a LEFT JOIN: the rules' subqueries cost the list so
     * much in the planner's reckoning that a join's method makes no difference to it, and with every
     * table analysed it read the whole decisions table for each student (13 million rows compared,
     * 0.9 s for page 1 of a 10,000-student school; docs/benchmarks.md). A subquery looks each page
     * row's decision up by key.
     */
    static final String SELECT = "e.student_id, e.school_code, e.student_number, e.name, e.major_code, e.major_name,"
            + " e.study_year, e.rural, e.agriculture, e.hardship_level, e.waiver_eligible, e.grant_eligible, "
            + decision("waiver") + " AS waiver, " + decision("grant_tier") + " AS grant_tier, "
            + decision("version") + " AS decision_version, e.as_of, e.full_time, e.registered, e.first_term";

    /** The list's order: by school and student number; for a name search on PostgreSQL, by name in byte order. */
    private static final List<String> BY_NUMBER = List.of("e.school_id", "e.student_number");

    private static final List<String> BY_NAME = List.of("(e.name COLLATE \"C\")", "e.school_id", "e.student_number");

    private final JdbcClient jdbc;
    private final AidStudents students;
    private final EligibilityTotal totals;

    Eligibility(JdbcClient jdbc, AidStudents students) {
        this.jdbc = jdbc;
        this.students = students;
        this.totals = new EligibilityTotal(jdbc);
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
        boolean postgres = SqlVendor.postgres(jdbc);
        if (postgres) {
            // the planner's costs for the rules' subqueries pass the JIT threshold as a school grows,
            // and compiling them cost more than the count saved: 940 ms against 141 ms for the capped
            // count at 1,000,000 students (docs/benchmarks.md, "The aid lists"); for this transaction only
            jdbc.sql("SET LOCAL jit = off").update();
        }
        Where where = Where.of(scope.sql("e.school_id"), scope.params())
                .and("e.school_code = :school", "school", filter.school())
                .andIf(filter.show() == Show.ELIGIBLE, "(e.waiver_eligible OR e.grant_eligible)")
                .andIf(filter.show() == Show.WAIVER, "e.waiver_eligible")
                .andIf(filter.show() == Show.GRANT, "e.grant_eligible");
        // the students list's search: conditions on the student's own columns, which the query passes
        // down to the student table's indexes
        TextSearch.apply(
                where,
                "q",
                filter.q(),
                postgres,
                "student",
                "e",
                TextSearch.Source.own("student_number", "name").inNameOrder());
        bindTerm(where, filter.term());
        // the students the list is drawn from: its conditions on the student's own columns
        Where drawn = Where.of(scope.sql("s.school_id"), scope.params())
                .and("s.school_id IN (SELECT x.id FROM school x WHERE x.code = :school)", "school", filter.school())
                .and("s.entry_year >= :start - 2", "start", filter.term().startYear());
        TextSearch.apply(
                drawn,
                "q",
                filter.q(),
                postgres,
                "student",
                "s",
                TextSearch.Source.own("student_number", "name").inNameOrder());
        // in the order of the index on (school_id, student_number): a page, the first or one after a
        // cursor, evaluates the rules for the students it walks until it has its rows; a name search
        // on PostgreSQL in the order of student_name_order_ix, whose range is the name's students (in
        // number order the page sorted every student of a surname: 0.5-0.8 s at 1,000,000 students)
        Keyset<EligibilityView> keyset = Keyset.of(
                StudentNameSearch.byName(filter.q(), postgres) ? BY_NAME : BY_NUMBER,
                false,
                "e.student_id",
                EligibilityView::studentId,
                page);
        return SqlPages.fetch(
                jdbc,
                SELECT,
                ELIGIBLE_TABLE,
                ELIGIBLE_TABLE,
                where,
                null,
                page,
                keyset,
                postgres ? () -> totals.of(where, drawn, StudentNameSearch.byName(filter.q(), true)) : null,
                EligibilityView.class);
    }

    /** The student's eligibility in the term; empty when it was not in school in the term in years 1 to 3. */
    @Transactional(readOnly = true)
    public Optional<EligibilityView> of(long studentId, Term term) {
        return jdbc.sql("SELECT " + SELECT + " FROM " + ELIGIBLE_TABLE + " WHERE e.student_id = :id")
                .params(params(term))
                .param("id", studentId)
                .query(EligibilityView.class)
                .optional();
    }

    static void bindTerm(Where where, Term term) {
        params(term).forEach(where::param);
    }

    /** The term as the query reads it: its school year, its text, its first and last day. */
    static Map<String, Object> params(Term term) {
        Map<String, Object> params = new HashMap<>();
        params.put("start", term.startYear());
        params.put("term", term.toString());
        params.put("from", term.start());
        params.put("to", term.end());
        return params;
    }
}
