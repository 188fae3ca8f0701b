package org.craftline.aid.domain;

import java.util.HashMap;
import java.util.Map;
import org.craftline.shared.ListTotals;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The aid eligibility list's total on PostgreSQL ({@link Eligibility#list}): exact for a list drawn
 * from few students, else "about N" from a sample of them, since counting a row costs the rules'
 * evaluation for its student.
 */
final class EligibilityTotal {

    private final JdbcClient jdbc;

    EligibilityTotal(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
    ListTotals.Total of(Where where, Where drawn, boolean byName) {
        ListTotals.Total students = ListTotals.count(jdbc, "student s", drawn.sql(), null, drawn.params());
        if (students.exact()) {
            return new ListTotals.Total(
                    jdbc.sql("SELECT COUNT(*) FROM " + Eligibility.ELIGIBLE_TABLE + where.sql())
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
                        + " FROM w), (SELECT COUNT(*) FROM " + Eligibility.ELIGIBLE_TABLE + where.sql()
                        + " AND e.student_id IN (SELECT x.id FROM w x))")
                .params(params)
                .query((rs, i) -> new Sampled(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }
}
