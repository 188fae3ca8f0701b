package org.craftline.shared;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The total of a list, paid for on every page: counted exactly up to {@link #COUNT_CAP} rows, and
 * beyond that, on PostgreSQL, the planner's estimate of the rows ("about N"), so that a page of a
 * list of a million rows does not count a million rows. A list the planner already estimates
 * beyond the cap is not counted (a list of 9,000 rows estimated at 12,000 shows "about 12,000"
 * until its last page). H2 (the embedded database of a small installation) counts exactly.
 */
public final class ListTotals {

    /** Lists up to this many rows show their exact total. */
    public static final int COUNT_CAP = 10_000;

    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\"\\s*:\\s*([0-9.eE+]+)");

    private static volatile int cap = COUNT_CAP;

    private ListTotals() {}

    /** A total: exact, or the planner's estimate of a list longer than the cap. */
    public record Total(long value, boolean exact) {}

    /** For tests that check the estimate without inserting ten thousand rows; restore with {@link #COUNT_CAP}. */
    static void capForTests(int rows) {
        cap = rows;
    }

    /** The exact-count cap in force: {@link #COUNT_CAP}, or a test's. */
    public static int cap() {
        return cap;
    }

    /**
     * @param from the FROM clause with its joins; a list that counts without its joins passes a
     *     shorter one, as long as it holds every alias the WHERE clause names
     */
    public static Total count(JdbcClient jdbc, String from, String where, Map<String, ?> params) {
        return count(jdbc, from, where, null, params);
    }

    /**
     * On PostgreSQL the planner's estimate comes first (planning only, a fraction of a
     * millisecond): a list it puts beyond the cap is not counted at all, so that a page of a long
     * list costs the same whatever its length; a shorter one is counted, at most to the cap.
     *
     * @param order the list's order when an index serves it (a keyset list's), so that the capped
     *     count reads that index rather than the table from its start; null otherwise
     */
    public static Total count(JdbcClient jdbc, String from, String where, String order, Map<String, ?> params) {
        if (!SqlVendor.postgres(jdbc)) {
            return new Total(
                    jdbc.sql("SELECT COUNT(*) FROM " + from + where)
                            .params(params)
                            .query(Long.class)
                            .single(),
                    true);
        }
        int limit = cap;
        boolean blind = blind(where);
        long estimate = blind ? 0 : estimate(jdbc, from, where, params);
        if (estimate > limit) {
            return new Total(estimate, false);
        }
        long rows = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS x FROM " + from + where
                        + (order == null ? "" : " ORDER BY " + order) + " LIMIT " + (limit + 1) + ") capped")
                .params(params)
                .query(Long.class)
                .single();
        if (rows <= limit) {
            return new Total(rows, true);
        }
        return new Total(Math.max(limit + 1L, blind ? estimate(jdbc, from, where, params) : estimate), false);
    }

    /**
     * Whether the planner can only guess the list's rows: a contains search by name ({@link
     * TextSearch#nameContains}) matches the names an array subquery computes, and for an array it
     * cannot see the planner assumes ten values (PostgreSQL's {@code scalararraysel}), so that its
     * estimate grows with the list's scope whatever the text matches: 5,542 rows in a school of a
     * million students for a name of 477. In a scope of about two million (a province's list) it
     * passes the cap, and a name of a few students would show as "about N" without being counted.
     * Such a list is counted first, at most to the cap, and estimated only beyond it.
     */
    static boolean blind(String where) {
        return where.contains(TextSearch.COMPUTED_NAMES);
    }

    /** The planner's row estimate of the list: planning only, nothing is read. */
    private static long estimate(JdbcClient jdbc, String from, String where, Map<String, ?> params) {
        String plan = String.join(
                "\n",
                jdbc.sql("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + from + where)
                        .params(params)
                        .query(String.class)
                        .list());
        Matcher m = PLAN_ROWS.matcher(plan);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
