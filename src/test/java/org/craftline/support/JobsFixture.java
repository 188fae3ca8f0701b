package org.craftline.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test county with one school whose jobs figures are checked by hand, built with SQL (postings and
 * applications are not made through the jobs module here) and removed again.
 *
 * <pre>
 * county R (fresh) with school S; units U1 (R, town 甲镇), U2 (R, town 乙镇), U3 (another county)
 * postings (unit, kind, headcount, town, deadline, majors wanted)
 *   P1 U1 JOB        5  -      2025  750107 750110
 *   P2 U1 INTERNSHIP 3  乙镇   2025  750107
 *   P3 U2 JOB        1  -      2025  750110
 *   P4 U3 JOB        6  外县镇 2025  750107        published by S for its unit
 *   P5 U2 JOB        10 -      2024  750107        another year
 *   P6 U3 JOB        7  -      2025  750107        another county, not published by S
 *   P7 U2 JOB        8  -      2025  750107        hidden by S
 * graduates of S: g1 g2 (750107) and g3 (750110) of 2025, g0 (750107) of 2024
 * applications: g1→P1 g2→P1 g3→P1 g1→P3 g2→P4 (withdrawn) g1→P5 g1→P7; another school's student→P1
 * destinations of 2025 at graduation: g1 EMPLOYED at U1 through the school (channel SCHOOL),
 *   g2 EMPLOYED at U3 (no channel), g3 SELF_EMPLOYED
 *
 * 2025: postings within reach P1 P2 P3 P4                  postings_published = 4
 *       places 5 + 3 + 1 + 6                                places_offered = 15
 *       applications of S's students to them: 3 + 1 + 1     applications_per_posting = 5/4 = 1.25
 *       hires through the school / directly employed        school_hires = 1, school_hire_share = 1/3 = 0.3333
 *       by unit (postings, places): U1 2 8, U3 1 6, U2 1 1
 *       by town (the posting's, else its unit's): 外县镇 1 6, 甲镇 1 5, 乙镇 2 4
 *       demand (JOB postings × majors) against graduates: 750107 P1 + P4 = 11 / 2, 750110 P1 + P3 = 6 / 1
 * </pre>
 */
public final class JobsFixture {

    public static final String REGION = "419961";

    private final JdbcClient jdbc;
    private final String code;
    private long school;

    public JobsFixture(JdbcClient jdbc, String code) {
        this.jdbc = jdbc;
        this.code = code;
    }

    /** Builds the county and answers the school's id. */
    public long create() {
        jdbc.sql("""
                        INSERT INTO region (code, name, level, parent_id, path)
                        SELECT :r, '岗位测试县', 'COUNTY', id, '/410000/411300/' || :r || '/' FROM region WHERE code = '411300'
                        """).param("r", REGION).update();
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT :c, '岗位测试学校', id, 2000 FROM region WHERE code = :r")
                .param("c", code)
                .param("r", REGION)
                .update();
        school = id("SELECT id FROM school WHERE code = '" + code + "'");
        long u1 = unit("岗位测试玉雕坊一", REGION, "甲镇");
        long u2 = unit("岗位测试玉雕坊二", REGION, "乙镇");
        long u3 = unit("岗位测试外县厂", "411325", null);
        long p1 = posting(u1, null, "JOB", 5, null, 2025, "750107", "750110");
        posting(u1, null, "INTERNSHIP", 3, "乙镇", 2025, "750107");
        long p3 = posting(u2, null, "JOB", 1, null, 2025, "750110");
        long p4 = posting(u3, school, "JOB", 6, "外县镇", 2025, "750107");
        long p5 = posting(u2, null, "JOB", 10, null, 2024, "750107");
        posting(u3, null, "JOB", 7, null, 2025, "750107");
        long p7 = posting(u2, null, "JOB", 8, null, 2025, "750107");
        jdbc.sql("INSERT INTO posting_hidden (posting_id, school_id, reason, hidden_by, hidden_at)"
                        + " VALUES (:p, :s, '工资低于最低工资', 'test', :at)")
                .param("p", p7)
                .param("s", school)
                .param("at", OffsetDateTime.now())
                .update();
        long g1 = graduate("JOB25-1", "750107", 2025);
        long g2 = graduate("JOB25-2", "750107", 2025);
        long g3 = graduate("JOB25-3", "750110", 2025);
        graduate("JOB24-0", "750107", 2024);
        for (long[] a : List.of(
                new long[] {g1, p1},
                new long[] {g2, p1},
                new long[] {g3, p1},
                new long[] {g1, p3},
                new long[] {g1, p5},
                new long[] {g1, p7})) {
            apply(a[0], school, a[1], "APPLIED");
        }
        apply(g2, school, p4, "WITHDRAWN");
        long other = id("SELECT MIN(id) FROM student WHERE school_id <> " + school);
        apply(other, id("SELECT school_id FROM student WHERE id = " + other), p1, "APPLIED");
        destination(g1, "EMPLOYED", u1, "SCHOOL");
        destination(g2, "EMPLOYED", u3, null);
        destination(g3, "SELF_EMPLOYED", null, null);
        return school;
    }

    public void remove() {
        String postings =
                "SELECT p.id FROM posting p JOIN enterprise e ON e.id = p.enterprise_id" + " WHERE e.name LIKE '岗位测试%'";
        jdbc.sql("DELETE FROM job_application WHERE posting_id IN (" + postings + ")")
                .update();
        jdbc.sql("DELETE FROM posting_hidden WHERE posting_id IN (" + postings + ")")
                .update();
        jdbc.sql("DELETE FROM posting_major WHERE posting_id IN (" + postings + ")")
                .update();
        jdbc.sql("DELETE FROM posting WHERE id IN (" + postings + ")").update();
        String students = "SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c";
        jdbc.sql("DELETE FROM destination WHERE student_id IN (" + students + ")")
                .param("c", code)
                .update();
        jdbc.sql("DELETE FROM student WHERE id IN (" + students + ")")
                .param("c", code)
                .update();
        jdbc.sql("DELETE FROM enterprise WHERE name LIKE '岗位测试%'").update();
        jdbc.sql("DELETE FROM school WHERE code = :c").param("c", code).update();
        jdbc.sql("DELETE FROM region WHERE code = :r").param("r", REGION).update();
    }

    private long unit(String name, String region, String town) {
        jdbc.sql("INSERT INTO enterprise (name, industry, region_id, town, size_band)"
                        + " SELECT :n, 'JADE_CARVING', id, :t, 'MICRO' FROM region WHERE code = :r")
                .param("n", name)
                .param("t", town)
                .param("r", region)
                .update();
        return id("SELECT id FROM enterprise WHERE name = '" + name + "'");
    }

    private long posting(long unit, Long by, String kind, int headcount, String town, int year, String... majors) {
        jdbc.sql("""
                        INSERT INTO posting (enterprise_id, school_id, kind, position, headcount, town, deadline,
                               published_by, created_at)
                        VALUES (:u, :s, :k, '玉雕工', :h, :t, :d, 'test', :at)
                        """)
                .param("u", unit)
                .param("s", by)
                .param("k", kind)
                .param("h", headcount)
                .param("t", town)
                .param("d", LocalDate.of(year, 6, 30))
                .param("at", OffsetDateTime.now())
                .update();
        long id = id("SELECT MAX(id) FROM posting WHERE enterprise_id = " + unit);
        for (String major : majors) {
            jdbc.sql("INSERT INTO posting_major (posting_id, major_id) SELECT :p, id FROM major WHERE code = :m")
                    .param("p", id)
                    .param("m", major)
                    .update();
        }
        return id;
    }

    private long graduate(String number, String major, int year) {
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household, major_id,
                               entry_year, status, graduation_year)
                        SELECT :s, :n, '测试', '11010519491231002X', 'FEMALE', DATE '1949-12-31', 'RURAL', m.id, :y - 3,
                               'GRADUATED', :y FROM major m WHERE m.code = :m
                        """)
                .param("s", school)
                .param("n", number)
                .param("m", major)
                .param("y", year)
                .update();
        return id("SELECT id FROM student WHERE school_id = " + school + " AND student_number = '" + number + "'");
    }

    private void apply(long student, long schoolOf, long posting, String stage) {
        jdbc.sql("""
                        INSERT INTO job_application (posting_id, student_id, school_id, stage, stage_on, applied_at)
                        VALUES (:p, :s, :sc, :st, DATE '2025-05-01', :at)
                        """)
                .param("p", posting)
                .param("s", student)
                .param("sc", schoolOf)
                .param("st", stage)
                .param("at", OffsetDateTime.now())
                .update();
    }

    private void destination(long student, String kind, Long unit, String channel) {
        jdbc.sql("""
                        INSERT INTO destination (student_id, school_id, graduation_year, follow_up, follow_up_rank, recorded_on,
                               kind, enterprise_id, local_job, matched, source, confirmed, latest, channel)
                        VALUES (:s, :sc, 2025, 'AT_GRADUATION', 0, DATE '2025-07-01', :k, :u, FALSE, FALSE, 'SCHOOL', TRUE,
                               TRUE, :ch)
                        """)
                .param("s", student)
                .param("sc", school)
                .param("k", kind)
                .param("u", unit)
                .param("ch", channel)
                .update();
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
