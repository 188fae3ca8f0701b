package org.craftline.internships;

import java.time.LocalDate;
import org.craftline.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A placement of a Zhenping student in progress (inserted as rows: the rules at entry are
 * {@code Placements}' concern), with a student account bound to it, an enterprise account of its
 * unit, one of another unit and another student's account; all names unique to the run.
 */
record LogFixture(
        long placement, String student, String otherStudent, String unit, String otherUnit, String supervisor) {

    static LogFixture create(JdbcClient jdbc, LocalDate startsOn, LocalDate endsOn) {
        String tag = Long.toString(System.nanoTime(), 36);
        long school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        var students = jdbc.sql("SELECT id FROM student WHERE school_id = :s ORDER BY id DESC FETCH FIRST 2 ROWS ONLY")
                .param("s", school)
                .query(Long.class)
                .list();
        var units = jdbc.sql("SELECT id FROM enterprise ORDER BY id FETCH FIRST 2 ROWS ONLY")
                .query(Long.class)
                .list();
        var staff = jdbc.sql(
                        "SELECT id, staff_number FROM staff WHERE school_id = :s ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("s", school)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO internship (school_id, student_id, enterprise_id, kind, post, post_headcount, matched,
                          starts_on, ends_on, supervisor_id, mentor_name, mentor_phone, hours_per_day, days_per_week,
                          night_shifts, overtime, public_holidays, monthly_pay, post_wage, insurer, policy_number,
                          insured_from, insured_to, status, created_at)
                        VALUES (:school, :student, :unit, 'POST', '玉雕学徒', 20, TRUE, :starts, :ends, :supervisor,
                          '王师傅', '13912345678', 8, 5, FALSE, FALSE, FALSE, 2400, 2800, '人保财险', :policy,
                          :starts, :ends, 'IN_PROGRESS', CURRENT_TIMESTAMP)""")
                .param("school", school)
                .param("student", students.get(0))
                .param("unit", units.get(0))
                .param("starts", startsOn)
                .param("ends", endsOn)
                .param("supervisor", staff[0])
                .param("policy", "LOG-" + tag)
                .update(keys, "id");
        long placement = keys.getKeyAs(Long.class);
        var f = new LogFixture(placement, "ls-" + tag, "ls2-" + tag, "le-" + tag, "le2-" + tag, (String) staff[1]);
        user(jdbc, f.student(), "STUDENT", school, null, students.get(0));
        user(jdbc, f.otherStudent(), "STUDENT", school, null, students.get(1));
        user(jdbc, f.unit(), "ENTERPRISE", school, units.get(0), null);
        user(jdbc, f.otherUnit(), "ENTERPRISE", school, units.get(1), null);
        return f;
    }

    private static void user(JdbcClient jdbc, String name, String role, long school, Long unit, Long student) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, school_id, enterprise_id,
                          student_id, enabled, created_at)
                        SELECT :u, :u, password_hash, :r, :school, :unit, :student, TRUE, CURRENT_TIMESTAMP
                        FROM app_user WHERE username = 'admin'""")
                .param("u", name)
                .param("r", role)
                .param("school", school)
                .param("unit", unit)
                .param("student", student)
                .update();
    }
}
