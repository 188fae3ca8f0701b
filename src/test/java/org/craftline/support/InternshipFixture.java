package org.craftline.support;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test school whose internship figures are checked by hand, built with SQL (placements are not
 * created through the internships module here) and removed again.
 *
 * <pre>
 * students (status, entry year, graduation year)      placements (kind, matched, period, status)
 *   s1  graduated 2022-2025                             P1 POST  T 2025-03-03..06-27 ended
 *   s2  graduated 2022-2025                             P2 POST  F 2025-03-05..07-31 ended early 04-16
 *   s3  enrolled  2022                                  P3 POST  T 2025-09-01..12-31 ended early 08-20
 *                                                          (called off before its start: never held)
 *                                                       C1 COGN. F 2025-05-12..05-23 ended
 *   s4, s10 enrolled 2022                               none
 *   s11 enrolled 2022                                   C3 COGN. T 2026-03-02..03-13 planned
 *   s5  graduated 2021-2025 (four years)                P4 POST  T 2024-09-02..2025-01-17 ended
 *   s6  withdrawn 2022                                  P5 POST  T 2025-11-03..2026-04-30 planned
 *   s7  enrolled  2023                                  C2 COGN. T 2025-10-06..2026-01-16 in progress
 *   s8  graduated 2021-2024                             none
 *   s9  enrolled  2023                                  P6 POST  F 2026-03-02..06-30 planned
 *
 * insurance / agreement (file, agreement end):
 *   P1 03-01..06-30 / file, whole     P2 03-05..04-30 / file, 04-15   C1 05-12..05-20 / no file
 *   C2 10-06..2026-01-31 / file, 2025-12-31   P5 11-10..2026-04-30 / file, whole
 *   P4 09-02..2024-12-31 / file, whole   P6 whole / no file   C3 03-01..03-31 / file, whole
 * evaluations: P1 passed, P2 failed, C1 graded by the mentor only (passed not set), P4 passed
 * logs: P1 the 15 Mondays from 03-03, one more dated Wednesday 03-05 (same week as 03-03) and one
 *       for 07-07 (after its end); P2 the 5 Mondays from 03-03; C1 05-12, 05-19;
 *       C2 the 4 Mondays from 10-06 and 11-24; P5 none; P4 the 10 Mondays from 2024-09-02
 *
 * 2025: final-year students s1 s2 s5 (graduates of 2025) s3 s4 s10 s11 (enrolled, entered 2022) = 7,
 *       with a held POST placement s1 s2 s5                          internship_rate 3/7 = 0.4286
 *       placements of 2025 (held): P1 P2 C1 C2 P5 = 5
 *       insured over the whole period (to the effective end): P1 P2 C2  insured_rate 3/5 = 0.6
 *       agreement file covering the effective end: P1 P5          agreement_rate 2/5 = 0.4
 *       POST placements P1 P2 P5, matched P1 P5                   matched_internship_rate 2/3 = 0.6667
 *       evaluations with passed set P1 P2, passed P1              pass_rate 1/2 = 0.5
 *       logs, today 2025-11-19 (weeks due / weeks with a log): P1 17/15 (Mon 03-03 .. Mon 06-23),
 *         P2 7/5 (03-03 .. 04-14), C1 2/2, C2 7/4 (10-06 .. 11-17; 11-24 not due yet),
 *         P5 3/0 (11-03 .. 11-17)                                 log_submission_rate 26/36 = 0.7222
 *       today after 2026-04-30: C2 15/5 (to 2026-01-12), P5 26/0 (to 2026-04-27)   27/67 = 0.4030
 * 2024: final-year students s8 = 1, none placed                   internship_rate 0/1 = 0.0
 *       P4: insurance ends before it does 0/1; agreement 1/1; matched 1/1; passed 1/1;
 *       logs 10 of 20 weeks (Mon 2024-09-02 .. Mon 2025-01-13)    log_submission_rate 0.5
 * at risk (planned or in progress, insurance or agreement short): C2 P5 P6 = 3
 *   (C3 is covered; P4 is short but ended)
 * </pre>
 */
public final class InternshipFixture {

    private final JdbcClient jdbc;
    private final String code;
    private long school;

    public InternshipFixture(JdbcClient jdbc, String code) {
        this.jdbc = jdbc;
        this.code = code;
    }

    public long create() {
        remove();
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT :c, '实习指标测试学校' || :c, id, 2000 FROM region WHERE code = '411324'")
                .param("c", code)
                .update();
        school = id("SELECT id FROM school WHERE code = '" + code + "'");
        jdbc.sql("INSERT INTO staff (school_id, staff_number, name, full_time, dual_qualified)"
                        + " VALUES (:s, 'IN-T1', '指导教师', TRUE, TRUE)")
                .param("s", school)
                .update();
        Map<String, Long> s = new HashMap<>();
        String[][] students = {
            {"s1", "GRADUATED", "2022", "2025"}, {"s2", "GRADUATED", "2022", "2025"}, {"s3", "ENROLLED", "2022", ""},
            {"s4", "ENROLLED", "2022", ""}, {"s5", "GRADUATED", "2021", "2025"}, {"s6", "WITHDRAWN", "2022", ""},
            {"s7", "ENROLLED", "2023", ""}, {"s8", "GRADUATED", "2021", "2024"}, {"s9", "ENROLLED", "2023", ""},
            {"s10", "ENROLLED", "2022", ""}, {"s11", "ENROLLED", "2022", ""}
        };
        for (String[] st : students) {
            s.put(st[0], student(st));
        }
        // student, kind, matched, starts, ends, status, ended on, insured from, to, agreement file, agreement ends
        long p1 = placement(s.get("s1"), "POST T 2025-03-03 2025-06-27 ENDED - 2025-03-01 2025-06-30 p1 -");
        long p2 = placement(
                s.get("s2"), "POST F 2025-03-05 2025-07-31 ENDED_EARLY 2025-04-16 2025-03-05 2025-04-30 p2 2025-04-15");
        placement(s.get("s3"), "POST T 2025-09-01 2025-12-31 ENDED_EARLY 2025-08-20 2025-09-01 2025-12-31 p3 -");
        long c1 = placement(s.get("s3"), "COGNITIVE F 2025-05-12 2025-05-23 ENDED - 2025-05-12 2025-05-20 - -");
        long c2 = placement(
                s.get("s7"), "COGNITIVE T 2025-10-06 2026-01-16 IN_PROGRESS - 2025-10-06 2026-01-31 c2 2025-12-31");
        placement(s.get("s6"), "POST T 2025-11-03 2026-04-30 PLANNED - 2025-11-10 2026-04-30 p5 -");
        long p4 = placement(s.get("s5"), "POST T 2024-09-02 2025-01-17 ENDED - 2024-09-02 2024-12-31 p4 -");
        placement(s.get("s9"), "POST F 2026-03-02 2026-06-30 PLANNED - 2026-03-02 2026-06-30 - -");
        placement(s.get("s11"), "COGNITIVE T 2026-03-02 2026-03-13 PLANNED - 2026-03-01 2026-03-31 c3 -");
        evaluation(p1, true);
        evaluation(p2, false);
        evaluation(c1, null);
        evaluation(p4, true);
        logs(p1, LocalDate.of(2025, 3, 3), 15);
        logs(p1, LocalDate.of(2025, 3, 5), 1);
        logs(p1, LocalDate.of(2025, 7, 7), 1);
        logs(p2, LocalDate.of(2025, 3, 3), 5);
        logs(c1, LocalDate.of(2025, 5, 12), 2);
        logs(c2, LocalDate.of(2025, 10, 6), 4);
        logs(c2, LocalDate.of(2025, 11, 24), 1);
        logs(p4, LocalDate.of(2024, 9, 2), 10);
        return school;
    }

    /** Removes the school and everything the fixture put in it. */
    public void remove() {
        String placements = "SELECT i.id FROM internship i JOIN school sc ON sc.id = i.school_id WHERE sc.code = :c";
        jdbc.sql("DELETE FROM internship_log WHERE internship_id IN (" + placements + ")")
                .param("c", code)
                .update();
        jdbc.sql("DELETE FROM internship_evaluation WHERE internship_id IN (" + placements + ")")
                .param("c", code)
                .update();
        for (String table : new String[] {"internship", "student", "staff", "school"}) {
            String column = table.equals("school") ? "id" : "school_id";
            jdbc.sql("DELETE FROM " + table + " WHERE " + column + " IN (SELECT id FROM school WHERE code = :c)")
                    .param("c", code)
                    .update();
        }
    }

    private long student(String[] st) {
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household, major_id,
                               entry_year, status, graduation_year)
                        SELECT :school, :n, '实习生', '11010520030101002X', 'FEMALE', DATE '2003-01-01', 'RURAL', m.id, :entry,
                               :status, :y FROM major m WHERE m.code = '750107'
                        """)
                .param("school", school)
                .param("n", "IN-" + st[0])
                .param("entry", Integer.parseInt(st[2]))
                .param("status", st[1])
                .param("y", st[3].isEmpty() ? null : Integer.valueOf(st[3]))
                .update();
        return id("SELECT id FROM student WHERE student_number = 'IN-" + st[0] + "' AND school_id = " + school);
    }

    private long placement(long student, String spec) {
        String[] f = spec.split(" ");
        jdbc.sql("""
                        INSERT INTO internship (school_id, student_id, enterprise_id, kind, post, post_headcount, matched,
                               starts_on, ends_on, supervisor_id, mentor_name, mentor_phone, hours_per_day, days_per_week,
                               night_shifts, overtime, public_holidays, monthly_pay, post_wage, insurer, policy_number,
                               insured_from, insured_to, agreement_name, agreement_type, agreement_path, agreement_ends_on,
                               status, ended_on, created_at)
                        SELECT :school, :student, (SELECT MIN(id) FROM enterprise), :kind, '玉雕学徒', 20, :matched,
                               :starts, :ends, (SELECT id FROM staff WHERE school_id = :school), '师傅', '13800000000', 8, 5,
                               FALSE, FALSE, FALSE, 3000, 3500, '测试保险公司', :policy,
                               :from, :to, :name, :type, :path, :agreementEnds, :status, :ended, :at
                        """)
                .param("school", school)
                .param("student", student)
                .param("kind", f[0])
                .param("matched", f[1].equals("T"))
                .param("starts", date(f[2]))
                .param("ends", date(f[3]))
                .param("status", f[4])
                .param("ended", date(f[5]))
                .param("from", date(f[6]))
                .param("to", date(f[7]))
                .param("policy", "IN-" + f[8] + "-" + f[2])
                .param("name", f[8].equals("-") ? null : "三方协议.pdf")
                .param("type", f[8].equals("-") ? null : "application/pdf")
                .param("path", f[8].equals("-") ? null : "agreements/" + f[8] + ".pdf")
                .param("agreementEnds", date(f[9]))
                .param("at", OffsetDateTime.parse(f[2] + "T08:00:00+08:00"))
                .update();
        return id("SELECT MAX(id) FROM internship WHERE school_id = " + school);
    }

    private void evaluation(long placement, Boolean passed) {
        jdbc.sql("INSERT INTO internship_evaluation (internship_id, mentor_grade, school_grade, passed)"
                        + " VALUES (:p, :m, :g, :passed)")
                .param("p", placement)
                .param("m", Boolean.FALSE.equals(passed) ? "FAIL" : "GOOD")
                .param("g", passed == null ? null : passed ? "GOOD" : "FAIL")
                .param("passed", passed)
                .update();
    }

    /** One log a week for the given number of weeks from the given day. */
    private void logs(long placement, LocalDate from, int weeks) {
        for (int w = 0; w < weeks; w++) {
            LocalDate week = from.plusWeeks(w);
            jdbc.sql("INSERT INTO internship_log (internship_id, week_of, body, submitted_at)"
                            + " VALUES (:p, :w, '本周学习玉雕基本功。', :at)")
                    .param("p", placement)
                    .param("w", week)
                    .param("at", OffsetDateTime.parse(week.plusDays(4) + "T18:00:00+08:00"))
                    .update();
        }
    }

    private static LocalDate date(String text) {
        return text.equals("-") ? null : LocalDate.parse(text);
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
