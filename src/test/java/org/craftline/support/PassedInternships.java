package org.craftline.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A post internship (岗位实习) with its evaluation for a test student: a copy of one of the school's demo placements. */
public final class PassedInternships {

    private PassedInternships() {}

    /** Copies the school's first demo placement for the student, as a post internship evaluated {@code passed}. */
    public static void add(JdbcClient jdbc, long school, long student, boolean passed) {
        jdbc.sql("""
                        INSERT INTO internship (school_id, student_id, enterprise_id, kind, post, post_headcount, matched,
                          starts_on, ends_on, supervisor_id, mentor_name, mentor_phone, hours_per_day, days_per_week,
                          night_shifts, overtime, public_holidays, monthly_pay, post_wage, insurer, policy_number,
                          insured_from, insured_to, minor, status, created_at)
                        SELECT school_id, :st, enterprise_id, 'POST', post, post_headcount, matched, starts_on, ends_on,
                          supervisor_id, mentor_name, mentor_phone, hours_per_day, days_per_week, night_shifts, overtime,
                          public_holidays, monthly_pay, post_wage, insurer, policy_number, insured_from, insured_to,
                          FALSE, 'ENDED', created_at
                        FROM internship WHERE school_id = :s ORDER BY id FETCH FIRST 1 ROWS ONLY
                        """).param("st", student).param("s", school).update();
        jdbc.sql("INSERT INTO internship_evaluation (internship_id, passed) SELECT i.id, :p FROM internship i"
                        + " WHERE i.student_id = :st"
                        + " AND NOT EXISTS (SELECT 1 FROM internship_evaluation e WHERE e.internship_id = i.id)")
                .param("st", student)
                .param("p", passed)
                .update();
    }

    /** Removes the students' placements and their evaluations. */
    public static void remove(JdbcClient jdbc, java.util.List<Long> students) {
        jdbc.sql("DELETE FROM internship_evaluation WHERE internship_id IN"
                        + " (SELECT id FROM internship WHERE student_id IN (:ids))")
                .param("ids", students)
                .update();
        jdbc.sql("DELETE FROM internship WHERE student_id IN (:ids)")
                .param("ids", students)
                .update();
    }
}
