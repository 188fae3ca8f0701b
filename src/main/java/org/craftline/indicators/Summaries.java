package org.craftline.indicators;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The summary tables (migration V50) behind the indicators of many schools: kept exact by a change
 * log that triggers on every counted table write in the writing transaction (V51), and recomputed,
 * school by school, from the records before a summary is read ({@link #current()}) and every few
 * seconds in the background. Each summary is one statement over the records, used three ways: for
 * one school (refresh), for all (rebuild), and against the stored rows (verify).
 */
@Service
public class Summaries {

    /** A summary table, its columns, and the statement computing its rows from the records. */
    record Summary(String table, String columns, String select) {

        /** The statement with its school condition: {@code :school} for one school, else all. */
        String select(boolean one) {
            return select.formatted(one ? "= :school" : "IS NOT NULL");
        }
    }

    static final List<Summary> SUMMARIES = List.of(
            new Summary("summary_cohort", "school_id, graduation_year, major_id, graduates, certified", """
                    SELECT s.school_id, s.graduation_year, s.major_id, COUNT(*) AS graduates,
                           COUNT(CASE WHEN EXISTS (SELECT 1 FROM certificate c WHERE c.student_id = s.id
                                                     AND c.kind IN ('SKILL', 'ONE_PLUS_X') AND c.status = 'VALID')
                                      THEN 1 END) AS certified
                    FROM student s WHERE s.school_id %s AND s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL
                    GROUP BY s.school_id, s.graduation_year, s.major_id
                    """),
            // a graduate counted once, at the highest level (TalentIndicators.HIGHEST_LEVEL)
            new Summary("summary_talent", "school_id, graduation_year, level, graduates", """
                    SELECT t.school_id, t.graduation_year, t.top AS level, COUNT(*) AS graduates FROM (
                      SELECT h.school_id, s.graduation_year, h.student_id, MAX(h.lvl) AS top FROM (
                        SELECT c.school_id, c.student_id, CASE WHEN c.grade = 'NATIONAL' THEN 3 ELSE 2 END AS lvl
                        FROM certificate c WHERE c.school_id %1$s AND c.kind = 'MASTER' AND c.status = 'VALID'
                        UNION ALL
                        SELECT c.school_id, c.student_id, 1 FROM certificate c
                        WHERE c.school_id %1$s AND c.kind = 'TITLE' AND c.grade_rank >= 4 AND c.status = 'VALID'
                        UNION ALL
                        SELECT c.school_id, c.student_id, 1 FROM certificate c
                        JOIN talent_setting ts ON ts.school_id = c.school_id
                        WHERE c.school_id %1$s AND c.kind = 'SKILL' AND c.grade_rank >= ts.senior_skill_rank
                          AND c.status = 'VALID') h
                      JOIN student s ON s.id = h.student_id
                      WHERE s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL
                      GROUP BY h.school_id, s.graduation_year, h.student_id) t
                    GROUP BY t.school_id, t.graduation_year, t.top
                    """),
            new Summary(
                    "summary_destination",
                    "school_id, graduation_year, follow_up, placed, employed, matched, local_jobs, school_channel",
                    """
                    SELECT d.school_id, d.graduation_year, d.follow_up,
                           COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'FURTHER_STUDY', 'SELF_EMPLOYED', 'MILITARY')
                                      THEN 1 END) AS placed,
                           COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') THEN 1 END) AS employed,
                           COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.matched THEN 1 END) AS matched,
                           COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.local_job THEN 1 END)
                             AS local_jobs,
                           COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.channel = 'SCHOOL'
                                      THEN 1 END) AS school_channel
                    FROM destination d WHERE d.school_id %s
                    GROUP BY d.school_id, d.graduation_year, d.follow_up
                    """),
            new Summary("summary_employer", "school_id, enterprise_id, graduates", """
                    SELECT d.school_id, d.enterprise_id, COUNT(*) AS graduates FROM destination d
                    WHERE d.school_id %s AND d.latest = TRUE AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')
                      AND d.enterprise_id IS NOT NULL
                    GROUP BY d.school_id, d.enterprise_id
                    """),
            new Summary(
                    "summary_school",
                    "school_id, region_id, enrolled, graduates, employed_unregistered, teachers, dual_qualified",
                    """
                    SELECT sc.id AS school_id, sc.region_id,
                           (SELECT COUNT(*) FROM student s WHERE s.school_id = sc.id AND s.status = 'ENROLLED')
                             AS enrolled,
                           (SELECT COUNT(*) FROM student s WHERE s.school_id = sc.id AND s.status = 'GRADUATED'
                              AND s.graduation_year IS NOT NULL) AS graduates,
                           (SELECT COUNT(*) FROM destination d WHERE d.school_id = sc.id AND d.latest = TRUE
                              AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.enterprise_id IS NULL)
                             AS employed_unregistered,
                           (SELECT COUNT(*) FROM staff t WHERE t.school_id = sc.id AND t.category = 'TEACHER'
                              AND t.full_time = TRUE) AS teachers,
                           (SELECT COUNT(*) FROM staff t WHERE t.school_id = sc.id AND t.category = 'TEACHER'
                              AND t.full_time = TRUE AND t.dual_qualified = TRUE) AS dual_qualified
                    FROM school sc WHERE sc.id %s
                    """),
            new Summary("summary_final_year", "school_id, final_year, students, interned", """
                    SELECT f.school_id, f.final_year, COUNT(*) AS students, COUNT(CASE WHEN f.interned THEN 1 END) AS interned
                    FROM (
                      SELECT s.school_id,
                             CASE WHEN s.status = 'ENROLLED' THEN s.entry_year + 3 ELSE s.graduation_year END AS final_year,
                             EXISTS (SELECT 1 FROM internship i WHERE i.student_id = s.id AND i.kind = 'POST'
                                       AND %2$s) AS interned
                      FROM student s
                      WHERE s.school_id %1$s AND ((s.status IN ('GRADUATED', 'COMPLETED') AND s.graduation_year IS NOT NULL)
                                                  OR s.status = 'ENROLLED')) f
                    GROUP BY f.school_id, f.final_year
                    """.replace(
                            "%2$s", InternshipIndicators.HELD)),
            new Summary("summary_practical", "school_id, term, major_id, required, held", """
                    SELECT r.school_id, r.term, c.major_id, COUNT(*) AS required,
                           COUNT(CASE WHEN EXISTS (SELECT 1 FROM training_session t
                                                   WHERE t.item_id = r.item_id AND t.term = r.term) THEN 1 END) AS held
                    FROM practical_requirement r JOIN practical_item i ON i.id = r.item_id
                    JOIN course c ON c.id = i.course_id
                    WHERE r.school_id %s
                    GROUP BY r.school_id, r.term, c.major_id
                    """),
            // the ministry's breakdown, the follow-up response and the employer survey (V84)
            new Summary(
                    "summary_breakdown",
                    "school_id, graduation_year, follow_up, follow_up_rank, "
                            + String.join(", ", EmploymentBreakdowns.COLUMNS),
                    EmploymentBreakdowns.SUMMARY),
            new Summary(
                    "summary_response",
                    "school_id, graduation_year, follow_up, asked, answered, satisfaction_sum, satisfied",
                    EmploymentBreakdowns.SUMMARY_RESPONSES),
            new Summary(
                    "summary_employer_rating",
                    "school_id, graduation_year, units, answered, skills_sum, skills_n, attitude_sum, attitude_n,"
                            + " hire_again",
                    EmploymentBreakdowns.SUMMARY_EMPLOYERS),
            // the aid roll-up (aid.RollUp, migration V98): per term and kind, the students whose net
            // amount is above zero and the net yuan, from the ledger
            new Summary("summary_aid", "school_id, term, kind, recipients, yuan", """
                    SELECT t.school_id, t.term, t.kind, COUNT(CASE WHEN t.net > 0 THEN 1 END) AS recipients,
                           SUM(t.net) AS yuan
                    FROM (SELECT d.school_id, d.term, d.kind, d.student_id, SUM(d.amount) AS net
                          FROM aid_disbursement d WHERE d.school_id %s
                          GROUP BY d.school_id, d.term, d.kind, d.student_id) t
                    GROUP BY t.school_id, t.term, t.kind
                    """),
            // the school's region and every region containing it, by path: a region's sums are those
            // of the schools summarised under it, whatever becomes of the region table afterwards
            new Summary("summary_region_school", "region_path, school_id", """
                    SELECT a.path AS region_path, sc.id AS school_id
                    FROM school sc JOIN region r ON r.id = sc.region_id JOIN region a ON r.path LIKE a.path || '%%'
                    WHERE sc.id %s
                    """));

    /**
     * A summary summed per region: the rows of the schools summarised under each region's path
     * ({@code summary_region_school}) added up by the summary's keys.
     */
    record Rollup(String table, String source, String keys, List<String> sums) {

        /** The region rows from the stored school rows ({@code %s}: a condition, or nothing for all). */
        String select(String condition) {
            String keyed = keys.isEmpty() ? "" : ", " + prefixed(keys);
            return "SELECT rs.region_path" + keyed + ", "
                    + String.join(
                            ", ",
                            sums.stream().map(c -> "SUM(x." + c + ") AS " + c).toList())
                    + " FROM summary_region_school rs JOIN " + source + " x ON x.school_id = rs.school_id "
                    + condition + " GROUP BY rs.region_path" + keyed;
        }

        String columns() {
            return "region_path" + (keys.isEmpty() ? "" : ", " + keys) + ", " + String.join(", ", sums);
        }

        private static String prefixed(String columns) {
            return String.join(
                    ", ",
                    List.of(columns.split(", ")).stream().map(c -> "x." + c).toList());
        }
    }

    static final List<Rollup> ROLLUPS = List.of(
            new Rollup(
                    "summary_region_cohort",
                    "summary_cohort",
                    "graduation_year, major_id",
                    List.of("graduates", "certified")),
            new Rollup("summary_region_talent", "summary_talent", "graduation_year, level", List.of("graduates")),
            new Rollup(
                    "summary_region_destination",
                    "summary_destination",
                    "graduation_year, follow_up",
                    List.of("placed", "employed", "matched", "local_jobs", "school_channel")),
            new Rollup(
                    "summary_region_totals",
                    "summary_school",
                    "",
                    List.of("enrolled", "graduates", "employed_unregistered", "teachers", "dual_qualified")),
            new Rollup(
                    "summary_region_final_year", "summary_final_year", "final_year", List.of("students", "interned")),
            new Rollup("summary_region_practical", "summary_practical", "term, major_id", List.of("required", "held")),
            new Rollup(
                    "summary_region_breakdown",
                    "summary_breakdown",
                    "graduation_year, follow_up, follow_up_rank",
                    EmploymentBreakdowns.COLUMNS),
            new Rollup(
                    "summary_region_response",
                    "summary_response",
                    "graduation_year, follow_up",
                    List.of("asked", "answered", "satisfaction_sum", "satisfied")),
            new Rollup(
                    "summary_region_employer_rating",
                    "summary_employer_rating",
                    "graduation_year",
                    List.of(
                            "units",
                            "answered",
                            "skills_sum",
                            "skills_n",
                            "attitude_sum",
                            "attitude_n",
                            "hire_again")));

    /**
     * The region sums of the stored employer sets ({@code %s}: a condition, or nothing for all):
     * computed from stored rows only, so that they equal the sums of the school sets by construction.
     */
    static final String REGION_EMPLOYERS = """
            SELECT rs.region_path, g.enterprise_id, SUM(g.graduates) AS graduates
            FROM summary_region_school rs JOIN summary_employer g ON g.school_id = rs.school_id
            %s
            GROUP BY rs.region_path, g.enterprise_id
            """;

    /** Each region's number of units, the rows of its sums ({@code %s}: a condition, or nothing). */
    static final String REGION_UNITS =
            "SELECT region_path, COUNT(*) AS employers FROM summary_region_employer %s GROUP BY region_path";

    /** The units whose count in the school's set changed in its refresh (before against after). */
    private static final String CHANGED_UNITS = """
            SELECT DISTINCT c.enterprise_id FROM (
              (SELECT enterprise_id, graduates FROM summary_employer_before
               EXCEPT SELECT enterprise_id, graduates FROM summary_employer WHERE school_id = :school)
              UNION
              (SELECT enterprise_id, graduates FROM summary_employer WHERE school_id = :school
               EXCEPT SELECT enterprise_id, graduates FROM summary_employer_before)) c
            """;

    /** Every unit of the school's set, before and after (when its regions changed). */
    private static final String ALL_UNITS = """
            SELECT enterprise_id FROM summary_employer_before
            UNION SELECT enterprise_id FROM summary_employer WHERE school_id = :school
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    Summaries(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Brings the summaries up to date with every committed write, before they are read: recomputes
     * the schools in the change log, if any (one indexed probe when there are none).
     */
    public void current() {
        // once per transaction: the figures of one answer read the summaries as of its first figure
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(CHECKED)) {
                return;
            }
            TransactionSynchronizationManager.bindResource(CHECKED, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CHECKED);
                }
            });
        }
        if (pending()) {
            refresh();
        }
    }

    /** The key marking a transaction whose summaries are known to be current. */
    private static final Object CHECKED = new Object();

    boolean pending() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM summary_change FETCH FIRST 1 ROWS ONLY) x")
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The background refresh, so that a reader seldom finds work left. */
    @Scheduled(fixedDelay = 2, initialDelay = 5, timeUnit = TimeUnit.SECONDS)
    void background() {
        if (pending()) {
            refresh(false);
        }
    }

    /**
     * Recomputes the summaries of the schools in the change log, in a transaction of its own (the
     * caller's may be read-only), one refresh at a time. A school's log rows are deleted before
     * its rows are recomputed, so a write committed after the delete stays logged for the next
     * refresh, and one committed before it is seen by the recomputation. Returns the schools.
     */
    public int refresh() {
        return refresh(true);
    }

    /** As {@link #refresh()}; without {@code wait}, nothing is done while another refresh runs. */
    private int refresh(boolean wait) {
        Integer done = tx.execute(status -> {
            if (jdbc.sql("SELECT id FROM summary_state WHERE id = 1 FOR UPDATE" + (wait ? "" : " SKIP LOCKED"))
                    .query(Integer.class)
                    .optional()
                    .isEmpty()) {
                return 0;
            }
            List<Long> schools = jdbc.sql("SELECT DISTINCT school_id FROM summary_change ORDER BY school_id")
                    .query(Long.class)
                    .list();
            for (Long school : schools) {
                jdbc.sql("DELETE FROM summary_change WHERE school_id = :school")
                        .param("school", school)
                        .update();
                refreshSchool(school);
            }
            if (!schools.isEmpty()) {
                jdbc.sql("UPDATE summary_state SET refreshed_at = :now, schools_last = :n WHERE id = 1")
                        .param("now", OffsetDateTime.now(clock))
                        .param("n", schools.size())
                        .update();
            }
            return schools.size();
        });
        return done == null ? 0 : done;
    }

    private void refreshSchool(long school) {
        List<String> regionsBefore = regionsOf(school);
        jdbc.sql("DELETE FROM summary_employer_before").update();
        jdbc.sql("INSERT INTO summary_employer_before (enterprise_id, graduates)"
                        + " SELECT enterprise_id, graduates FROM summary_employer WHERE school_id = :school")
                .param("school", school)
                .update();
        for (Summary s : SUMMARIES) {
            jdbc.sql("DELETE FROM " + s.table() + " WHERE school_id = :school")
                    .param("school", school)
                    .update();
            jdbc.sql("INSERT INTO " + s.table() + " (" + s.columns() + ") " + s.select(true))
                    .param("school", school)
                    .update();
        }
        // the sums of every unit whose count changed, in every region the school was or is in,
        // recomputed from the stored sets of those regions' schools
        List<String> regionsAfter = regionsOf(school);
        Set<String> regions = new TreeSet<>(regionsBefore);
        regions.addAll(regionsAfter);
        if (!regions.isEmpty()) {
            // the region rows of every summary, recomputed whole for those regions
            for (Rollup r : ROLLUPS) {
                jdbc.sql("DELETE FROM " + r.table() + " WHERE region_path IN (:regions)")
                        .param("regions", regions)
                        .update();
                jdbc.sql("INSERT INTO " + r.table() + " (" + r.columns() + ") "
                                + r.select("WHERE rs.region_path IN (:regions)"))
                        .param("regions", regions)
                        .update();
            }
            jdbc.sql("INSERT INTO summary_unit_change (enterprise_id) "
                            + (regionsBefore.equals(regionsAfter) ? CHANGED_UNITS : ALL_UNITS))
                    .param("school", school)
                    .update();
            jdbc.sql("""
                            DELETE FROM summary_region_employer WHERE region_path IN (:regions) AND EXISTS (
                              SELECT 1 FROM summary_unit_change u WHERE u.enterprise_id = summary_region_employer.enterprise_id)
                            """).param("regions", regions).update();
            jdbc.sql("INSERT INTO summary_region_employer (region_path, enterprise_id, graduates) "
                            + REGION_EMPLOYERS.formatted("""
                                    JOIN summary_unit_change u ON u.enterprise_id = g.enterprise_id
                                    WHERE rs.region_path IN (:regions)"""))
                    .param("regions", regions)
                    .update();
            jdbc.sql("DELETE FROM summary_unit_change").update();
            jdbc.sql("DELETE FROM summary_region_units WHERE region_path IN (:regions)")
                    .param("regions", regions)
                    .update();
            jdbc.sql("INSERT INTO summary_region_units (region_path, employers) "
                            + REGION_UNITS.formatted("WHERE region_path IN (:regions)"))
                    .param("regions", regions)
                    .update();
        }
        jdbc.sql("DELETE FROM summary_employer_before").update();
    }

    private List<String> regionsOf(long school) {
        return jdbc.sql("SELECT region_path FROM summary_region_school WHERE school_id = :school ORDER BY region_path")
                .param("school", school)
                .query(String.class)
                .list();
    }

    /**
     * Recomputes every summary of every school from the records, set-based (after a bulk load that
     * bypassed the triggers, or to repair); empties the change log. Returns the rows written.
     */
    public long rebuild() {
        Long rows = tx.execute(status -> {
            jdbc.sql("SELECT id FROM summary_state WHERE id = 1 FOR UPDATE")
                    .query(Integer.class)
                    .single();
            jdbc.sql("DELETE FROM summary_change").update();
            long written = 0;
            for (Summary s : SUMMARIES) {
                jdbc.sql("DELETE FROM " + s.table()).update();
                written += jdbc.sql("INSERT INTO " + s.table() + " (" + s.columns() + ") " + s.select(false))
                        .update();
            }
            for (Rollup r : ROLLUPS) {
                jdbc.sql("DELETE FROM " + r.table()).update();
                written += jdbc.sql("INSERT INTO " + r.table() + " (" + r.columns() + ") " + r.select(""))
                        .update();
            }
            jdbc.sql("DELETE FROM summary_region_employer").update();
            written += jdbc.sql("INSERT INTO summary_region_employer (region_path, enterprise_id, graduates) "
                            + REGION_EMPLOYERS.formatted(""))
                    .update();
            jdbc.sql("DELETE FROM summary_region_units").update();
            written += jdbc.sql(
                            "INSERT INTO summary_region_units (region_path, employers) " + REGION_UNITS.formatted(""))
                    .update();
            return written;
        });
        return rows == null ? 0 : rows;
    }

    /** What a verification found: the rows that differ by table, their total, and how long it took. */
    public record Verification(Map<String, Long> differences, long total, long milliseconds) {}

    /**
     * Compares every summary with its recomputation from the records (after a refresh), and the
     * region sums with the sums of the stored school sets: the rows that differ, by table (0 each
     * when the summaries are exact). Reads only; at provincial scale it reads every counted record once.
     */
    public Verification verify() {
        long started = System.nanoTime();
        current();
        Map<String, Long> differences = new LinkedHashMap<>();
        for (Summary s : SUMMARIES) {
            differences.put(s.table(), differences(s.columns(), s.table(), s.select(false)));
        }
        for (Rollup r : ROLLUPS) {
            differences.put(r.table(), differences(r.columns(), r.table(), r.select("")));
        }
        differences.put(
                "summary_region_employer",
                differences(
                        "region_path, enterprise_id, graduates",
                        "summary_region_employer",
                        REGION_EMPLOYERS.formatted("")));
        differences.put(
                "summary_region_units",
                differences("region_path, employers", "summary_region_units", REGION_UNITS.formatted("")));
        long total = differences.values().stream().mapToLong(Long::longValue).sum();
        return new Verification(differences, total, (System.nanoTime() - started) / 1_000_000);
    }

    /** The summaries now: the last refresh, the schools waiting in the change log, the rows of each table. */
    public record State(OffsetDateTime refreshedAt, int schoolsLast, long pending, Map<String, Long> rows) {}

    public State state() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Summary s : SUMMARIES) {
            rows.put(s.table(), count(s.table()));
        }
        for (Rollup r : ROLLUPS) {
            rows.put(r.table(), count(r.table()));
        }
        rows.put("summary_region_employer", count("summary_region_employer"));
        rows.put("summary_region_units", count("summary_region_units"));
        return jdbc.sql("SELECT refreshed_at, schools_last FROM summary_state WHERE id = 1")
                .query((rs, i) -> new State(
                        rs.getObject("refreshed_at", OffsetDateTime.class),
                        rs.getInt("schools_last"),
                        jdbc.sql("SELECT COUNT(DISTINCT school_id) FROM summary_change")
                                .query(Long.class)
                                .single(),
                        rows))
                .single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private long differences(String columns, String table, String select) {
        String stored = "SELECT " + columns + " FROM " + table;
        return jdbc.sql("SELECT COUNT(*) FROM ((" + select + " EXCEPT " + stored + ") UNION ALL (" + stored + " EXCEPT "
                        + select + ")) x")
                .query(Long.class)
                .single();
    }
}
