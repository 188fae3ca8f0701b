package org.craftline.aid.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.craftline.platform.Scope;
import org.craftline.shared.Keyset;
import org.craftline.shared.ListTotals;
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

    /** The list's rows; the term's decision is looked up by the select list ({@link #SELECT}). */
    static final String FROM = ELIGIBLE_TABLE;

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
                FROM,
                ELIGIBLE_TABLE,
                where,
                null,
                page,
                keyset,
                postgres ? () -> total(where, drawn, StudentNameSearch.byName(filter.q(), true)) : null,
                EligibilityView.class);
    }

    /**
     * The list's total on PostgreSQL. Each row counted costs the rules' evaluation for its student
     * (10-20 µs), so the total is exact when the list is drawn from at most {@link ListTotals#cap()}
     * students (all of them evaluated), and else "about N": the share of the list among a sample of
     * {@code cap / 25} (400) of the students drawn from, times their number. The sample is random
     * ({@link #random}), except in a name search: there the first 400 in name order, the range the
     * page reads anyway, since a random sample of a surname's students costs reading them all (70 ms
     * for 16,000 at 1,000,000 students, run J, docs/benchmarks.md). A run of neighbours in name order
     * is a fair sample only while names say nothing of eligibility; within one surname they seldom
     * do, but across the whole list the benchmark's generated names follow its students' numbers,
     * and the first 400 in name order showed "about 21" for 33,320 (run H).
     */
    private ListTotals.Total total(Where where, Where drawn, boolean byName) {
        ListTotals.Total students = ListTotals.count(jdbc, "student s", drawn.sql(), null, drawn.params());
        if (students.exact()) {
            return new ListTotals.Total(
                    jdbc.sql("SELECT COUNT(*) FROM " + ELIGIBLE_TABLE + where.sql())
                            .params(where.params())
                            .query(Long.class)
                            .single(),
                    true);
        }
        int sample = Math.max(1, ListTotals.cap() / 25);
        if (byName) {
            Sampled named = sample(
                    "p AS (SELECT 1), d AS MATERIALIZED (SELECT s.id FROM student s" + drawn.sql()
                            + " ORDER BY (s.name COLLATE \"C\"), s.school_id, s.student_number LIMIT :sample),"
                            + " w AS (SELECT d.id FROM d)",
                    where,
                    drawn,
                    Map.of("sample", sample));
            if (named.drawn() < sample) {
                return new ListTotals.Total(named.listed(), true); // the estimate was high: all were read
            }
            return new ListTotals.Total(Math.round((double) named.listed() * students.value() / sample), false);
        }
        Estimate counts = random(where, drawn, students.value(), sample);
        return new ListTotals.Total(
                Math.round(counts.listed() * counts.drawn() / Math.max(1, counts.evaluated())), false);
    }

    /** What a random sample gives: the students drawn from (as it estimates them), those evaluated, the listed. */
    private record Estimate(double drawn, long evaluated, long listed) {}

    /** What a sampling statement counted: picks (random ids), students drawn from, evaluated, listed. */
    private record Sampled(long picks, long drawn, long evaluated, long listed) {}

    /** A lookup by id against a student read, in µs: 4, or a test's (0 always picks ids). */
    private static volatile int pickMicros = 4;

    /** Sets the reckoned cost of a lookup by id, for a test; returns the one it replaces. */
    static int pickMicrosForTests(int micros) {
        int before = pickMicros;
        pickMicros = micros;
        return before;
    }

    /**
     * A random sample of {@code sample} of the students drawn from, chosen by a hash of the id (so the
     * same list shows the same total while the table is unchanged), found the cheaper of two ways by
     * the planner's estimate of their number, reckoning a lookup by id at about 4 µs and a student read
     * at about 1 µs:
     *
     * <ul>
     *   <li>ids picked at random (a hash of 1, 2, 3…) between the table's least and greatest id, about
     *       twice as many among the students drawn from as the sample needs, each looked up by the
     *       primary key; a pick that is no student or not one drawn from is a miss, and the hits
     *       estimate the students drawn from (hits × range / picks). Cheap when most of the table is
     *       drawn from (a large school's list);
     *   <li>the students drawn from all read, their ids only, and counted. Cheap when few of a large
     *       table are (a small school among large ones).
     * </ul>
     *
     * <p>A sample of the table's pages ({@code TABLESAMPLE SYSTEM}) would be cheaper still, and is a
     * few classes: it showed the demo school's list at half its total.
     */
    private Estimate random(Where where, Where drawn, long estimate, int sample) {
        long[] ids = jdbc.sql("SELECT MIN(id), MAX(id) FROM student")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        long range = ids[1] - ids[0] + 1;
        long picks = Math.max(sample, 2L * sample * range / Math.max(1, estimate));
        boolean pick = picks * pickMicros < estimate;
        String students = pick
                ? "p AS MATERIALIZED (SELECT DISTINCT :lo + MOD(ABS(CAST(hashint8(g) AS BIGINT)) * 65537 + g,"
                        + " CAST(:range AS BIGINT)) AS id FROM generate_series(CAST(1 AS BIGINT), :picks) g),"
                        + " d AS MATERIALIZED (SELECT s.id FROM p JOIN student s ON s.id = p.id" + drawn.sql() + ")"
                : "p AS (SELECT 1), d AS MATERIALIZED (SELECT s.id FROM student s" + drawn.sql() + ")";
        Sampled c = sample(
                students + ", w AS MATERIALIZED (SELECT d.id FROM d ORDER BY hashint8(d.id), d.id LIMIT :sample)",
                where,
                drawn,
                Map.of("lo", ids[0], "range", range, "picks", picks, "sample", sample));
        return new Estimate(
                pick ? (double) c.drawn() * range / Math.max(1, c.picks()) : c.drawn(), c.evaluated(), c.listed());
    }

    /**
     * Runs a sampling statement: {@code ctes} define {@code p} (the ids picked; a single row when none
     * are), {@code d} (the students drawn from that were found) and {@code w} (those of them evaluated).
     */
    private Sampled sample(String ctes, Where where, Where drawn, Map<String, Object> more) {
        Map<String, Object> params = new HashMap<>(drawn.params());
        params.putAll(where.params());
        params.putAll(more);
        return jdbc.sql("WITH " + ctes + " SELECT (SELECT COUNT(*) FROM p), (SELECT COUNT(*) FROM d), (SELECT COUNT(*)"
                        + " FROM w), (SELECT COUNT(*) FROM " + ELIGIBLE_TABLE + where.sql()
                        + " AND e.student_id IN (SELECT x.id FROM w x))")
                .params(params)
                .query((rs, i) -> new Sampled(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** The student's eligibility in the term; empty when it was not in school in the term in years 1 to 3. */
    @Transactional(readOnly = true)
    public Optional<EligibilityView> of(long studentId, Term term) {
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE e.student_id = :id")
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
