package org.craftline.internships.domain;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.craftline.internships.domain.DemoPlan.Planned;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Zhenping school's final-year classes (entered 2024) in the county's medium jade and carpet
 * units for the school year 2026-2027, as the demo's other modules stand on 2026-11-20: the autumn
 * 岗位实习 in progress with their weekly logs, visits and one incident, the jewellery-setting
 * classes' spring 认识实习 ended and evaluated, one placement ended early, two at risk after a cover
 * change, and a few attempts the rules refused, in the audit log. Deterministic (fixed seed), batched
 * inserts; one signed PDF per agreement and consent through {@code StoredFiles}.
 */
@Component
class InternshipsDemo implements DemoContributor {

    static final String SCHOOL = "4141013240";
    /** The demo's today, as the training demo's last session. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    static final int ENTRY_YEAR = 2024;
    private static final long SEED = 20_260_907L;

    private final JdbcTemplate jdbc;
    private final DemoDocumentsWriter documents;
    private final InternshipsDemoRecords records;
    private final InternshipsDemoAudit audit;

    InternshipsDemo(
            JdbcTemplate jdbc,
            DemoDocumentsWriter documents,
            InternshipsDemoRecords records,
            InternshipsDemoAudit audit) {
        this.jdbc = jdbc;
        this.documents = documents;
        this.records = records;
        this.audit = audit;
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public void load() {
        List<Long> school = jdbc.queryForList("SELECT id FROM school WHERE code = ?", Long.class, SCHOOL);
        if (school.isEmpty()) {
            return;
        }
        long schoolId = school.get(0);
        Random random = new Random(SEED);
        List<DemoPlan.Student> placed = new ArrayList<>();
        List<DemoPlan.Student> atSchool = new ArrayList<>();
        for (DemoPlan.Student s : finalYear(schoolId)) {
            (DemoPlan.staysAtSchool(random) ? atSchool : placed).add(s);
        }
        List<Planned> plan = DemoPlan.plan(placed, units("JADE_CARVING"), units("CARPET"), random);
        var interns = DemoPlan.internsByUnitAndPost(plan);
        staffCounts(interns, random);
        List<Long> ids = insert(schoolId, plan, headcounts(interns, random));
        documents.attach(ids, plan);
        records.load(ids, plan, random);
        audit.load(schoolId, ids, plan, atSchool);
    }

    private List<DemoPlan.Student> finalYear(long schoolId) {
        return jdbc.query(
                """
                SELECT s.id, s.student_number, s.name, s.birth_date, m.code, c.adviser_staff_id,
                  (SELECT g.name FROM guardian g WHERE g.student_id = s.id AND g.legal_guardian ORDER BY g.id
                   FETCH FIRST 1 ROWS ONLY) AS guardian
                FROM student s JOIN school_class c ON c.id = s.class_id JOIN major m ON m.id = s.major_id
                WHERE s.school_id = ? AND c.entry_year = ? AND s.status = 'ENROLLED' AND c.adviser_staff_id IS NOT NULL
                ORDER BY s.student_number
                """,
                (rs, i) -> new DemoPlan.Student(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getString(7)),
                schoolId,
                ENTRY_YEAR);
    }

    /** The school's medium partners of the county in one industry. */
    private List<DemoPlan.Unit> units(String industry) {
        return jdbc.query("""
                SELECT e.id, e.industry FROM enterprise e JOIN region r ON r.id = e.region_id
                WHERE r.code = '411324' AND e.size_band = 'MEDIUM' AND e.industry = ? ORDER BY e.id
                """, (rs, i) -> new DemoPlan.Unit(rs.getLong(1), rs.getString(2)), industry);
    }

    /** Each unit used gets its staff: at least ten for each intern, so the 10% rule holds. */
    private void staffCounts(Map<Long, Map<String, Integer>> interns, Random random) {
        List<Object[]> rows = new ArrayList<>();
        interns.forEach((unit, posts) -> {
            int total = posts.values().stream().mapToInt(Integer::intValue).sum();
            rows.add(new Object[] {10 * total + 20 + random.nextInt(150), unit});
        });
        jdbc.batchUpdate("UPDATE enterprise SET staff_count = ? WHERE id = ?", rows);
    }

    /** Each post's staff at its unit: at least five for each intern, so the 20% rule holds. */
    private static Map<Long, Map<String, Integer>> headcounts(Map<Long, Map<String, Integer>> interns, Random random) {
        Map<Long, Map<String, Integer>> headcounts = new java.util.LinkedHashMap<>();
        interns.forEach((unit, posts) -> posts.forEach((post, n) -> headcounts
                .computeIfAbsent(unit, u -> new java.util.LinkedHashMap<>())
                .put(post, 5 * n + random.nextInt(12))));
        return headcounts;
    }

    private List<Long> insert(long schoolId, List<Planned> plan, Map<Long, Map<String, Integer>> headcounts) {
        long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM internship", Long.class);
        List<Object[]> rows = new ArrayList<>(plan.size());
        for (Planned p : plan) {
            boolean visit = p.kind() == InternshipKind.COGNITIVE;
            Integer headcount =
                    visit ? Integer.valueOf(1) : headcounts.get(p.unit().id()).get(p.post());
            rows.add(new Object[] {
                schoolId,
                p.student().id(),
                p.unit().id(),
                p.kind().name(),
                p.post(),
                headcount,
                p.matched(),
                Date.valueOf(p.startsOn()),
                Date.valueOf(p.endsOn()),
                p.student().adviserId(),
                p.mentorName(),
                p.mentorPhone(),
                p.pay(),
                p.wage(),
                p.insurer(),
                p.policy(),
                Date.valueOf(p.insuredFrom()),
                Date.valueOf(p.insuredTo()),
                p.minor(),
                p.minor() ? p.guardian() : null,
                visit ? "ENDED" : "IN_PROGRESS",
                visit ? Date.valueOf(p.endsOn()) : null,
                at(p.startsOn().minusDays(14))
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO internship (school_id, student_id, enterprise_id, kind, post, post_headcount, matched, starts_on,
                  ends_on, supervisor_id, mentor_name, mentor_phone, hours_per_day, days_per_week, night_shifts, overtime,
                  public_holidays, monthly_pay, post_wage, insurer, policy_number, insured_from, insured_to, minor,
                  guardian_name, status, ended_on, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 8, 5, FALSE, FALSE, FALSE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        // ids are given in the order of the batch, the plan's
        return jdbc.queryForList(
                "SELECT id FROM internship WHERE school_id = ? AND id > ? ORDER BY id", Long.class, schoolId, before);
    }

    static OffsetDateTime at(LocalDate day) {
        return day.atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
    }
}
