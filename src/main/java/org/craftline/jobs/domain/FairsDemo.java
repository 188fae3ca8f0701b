package org.craftline.jobs.domain;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Zhenping school's spring job fair (双选会) of 2026: 120 county units at their booths with the
 * postings they brought, the graduating class registered (most attended) and the offers made there.
 * Loaded after the units' postings exist; deterministic (fixed seed), set-based inserts.
 */
@Component
class FairsDemo implements DemoContributor {

    static final int UNITS = 120;
    static final LocalDate HELD_ON = LocalDate.of(2026, 4, 18);
    private static final long SEED = 20_260_418L;
    private static final OffsetDateTime AT = HELD_ON.atTime(9, 0).atOffset(ZoneOffset.ofHours(8));

    private final JdbcTemplate jdbc;

    FairsDemo(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 980;
    }

    @Override
    public void load() {
        Long school = jdbc.query("SELECT id FROM school WHERE code = '4141013240'", (rs, i) -> rs.getLong(1)).stream()
                .findFirst()
                .orElse(null);
        if (school == null) {
            return;
        }
        jdbc.update(
                "INSERT INTO job_fair (school_id, name, held_on, place, status, created_by, created_at)"
                        + " VALUES (?, '2026年春季毕业生双选会', ?, '学校体育馆', 'HELD', 'demo', ?)",
                school,
                Date.valueOf(HELD_ON),
                AT);
        long fair = jdbc.queryForObject("SELECT MAX(id) FROM job_fair WHERE school_id = ?", Long.class, school);
        units(fair, school);
        jdbc.update(
                "INSERT INTO job_fair_posting (fair_unit_id, posting_id) SELECT fu.id, p.id FROM job_fair_unit fu"
                        + " JOIN posting p ON p.enterprise_id = fu.enterprise_id WHERE fu.fair_id = ? AND p.closed = FALSE",
                fair);
        registrations(fair, school);
        offers(fair);
    }

    /** The county's units that post first (those are the ones that come to a fair), by booth number. */
    private void units(long fair, long school) {
        jdbc.update("""
                INSERT INTO job_fair_unit (fair_id, enterprise_id, booth, added_by, added_at)
                SELECT ?, t.id, 'B' || LPAD(CAST(t.rn AS VARCHAR(4)), 3, '0'), 'demo', ? FROM (
                  SELECT e.id, ROW_NUMBER() OVER (ORDER BY CASE WHEN EXISTS (SELECT 1 FROM posting p
                    WHERE p.enterprise_id = e.id) THEN 0 ELSE 1 END, e.id) AS rn
                  FROM enterprise e WHERE e.region_id = (SELECT region_id FROM school WHERE id = ?)) t
                WHERE t.rn <= ?
                """, fair, AT, school, UNITS);
    }

    /** The class of 2026 registered; about six in seven came. */
    private void registrations(long fair, long school) {
        jdbc.update("""
                INSERT INTO job_fair_registration (fair_id, student_id, registered, registered_at, attended, marked_by,
                  marked_at)
                SELECT ?, s.id, TRUE, ?, CASE WHEN MOD(s.id, 7) = 0 THEN FALSE ELSE TRUE END, 'demo', ?
                FROM student s WHERE s.school_id = ? AND s.graduation_year = 2026
                """, fair, AT.minusDays(10), AT, school);
    }

    /** One attendee in eight got an offer for a post a unit brought. */
    private void offers(long fair) {
        List<long[]> posts = jdbc.query(
                "SELECT fp.fair_unit_id, fp.posting_id FROM job_fair_posting fp JOIN job_fair_unit fu"
                        + " ON fu.id = fp.fair_unit_id WHERE fu.fair_id = ? ORDER BY fp.fair_unit_id, fp.posting_id",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                fair);
        if (posts.isEmpty()) {
            return;
        }
        List<Long> attended = jdbc.query(
                "SELECT student_id FROM job_fair_registration WHERE fair_id = ? AND attended = TRUE ORDER BY student_id",
                (rs, i) -> rs.getLong(1),
                fair);
        Random random = new Random(SEED);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < attended.size(); i += 8) {
            long[] post = posts.get(random.nextInt(posts.size()));
            rows.add(new Object[] {post[0], attended.get(i), post[1], Date.valueOf(HELD_ON), AT});
        }
        jdbc.batchUpdate(
                "INSERT INTO job_fair_offer (fair_unit_id, student_id, posting_id, offered_on, recorded_by, recorded_at)"
                        + " VALUES (?, ?, ?, ?, 'demo', ?)",
                rows);
    }
}
