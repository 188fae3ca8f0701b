package org.craftline.internships;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.craftline.support.BoundUsers;
import org.craftline.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Students, units and users of the demo school for internship tests, each named with a run's own
 * tag so tests sharing the database never meet, and removed again with what was placed for them.
 */
final class InternshipFixture {

    final JdbcClient jdbc;
    /**
     * Starts with a digit: a search holding a digit asks for a student number, so a tag of hex
     * letters only (1 in 2,500) would make the numbers searched for read as names.
     */
    final String tag = "1" + UUID.randomUUID().toString().substring(0, 7);

    final long schoolId;
    final long otherSchoolId;
    final String supervisor;

    InternshipFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.schoolId = schoolId(TestUsers.ZHENPING);
        this.otherSchoolId = schoolId(TestUsers.NEIXIANG);
        this.supervisor = jdbc.sql(
                        "SELECT staff_number FROM staff WHERE school_id = :s ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("s", schoolId)
                .query(String.class)
                .single();
    }

    private long schoolId(String code) {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    /**
     * An enrolled student of the demo school with a legal guardian on record, named {@link #GUARDIAN}
     * as the placements of a minor name the guardian who signs; returns its student number.
     */
    String student(long school, String suffix, LocalDate birthDate, int entryYear) {
        String number = studentWithoutGuardian(school, suffix, birthDate, entryYear);
        jdbc.sql("""
                        INSERT INTO guardian (school_id, student_id, name, relation, legal_guardian, created_at)
                        SELECT school_id, id, :name, 'MOTHER', TRUE, CURRENT_TIMESTAMP FROM student WHERE student_number = :n
                        """).param("name", GUARDIAN).param("n", number).update();
        return number;
    }

    static final String GUARDIAN = "实习生家长";

    /** An enrolled student with no guardian on record; returns its student number. */
    String studentWithoutGuardian(long school, String suffix, LocalDate birthDate, int entryYear) {
        String number = "IT" + tag + suffix;
        long major = jdbc.sql("SELECT major_id FROM school_major WHERE school_id = :s ORDER BY major_id"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param("s", school)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status)
                        VALUES (:s, :n, :name, :idn, 'FEMALE', :b, 'RURAL', :m, :y, 'ENROLLED')
                        """)
                .param("s", school)
                .param("n", number)
                .param("name", "实习生" + suffix)
                .param("idn", ("T" + tag + suffix + "000000000000").substring(0, 18))
                .param("b", birthDate)
                .param("m", major)
                .param("y", entryYear)
                .update();
        return number;
    }

    long studentId(String number) {
        return jdbc.sql("SELECT id FROM student WHERE student_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    /** A jade unit of the registry with the given staff (null: not known). */
    long enterprise(String suffix, Integer staff) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO enterprise (name, industry, region_id, size_band, staff_count)
                        SELECT :name, 'JADE_CARVING', region_id, 'SMALL', :staff FROM school WHERE id = :s
                        """)
                .param("name", "实习测试玉雕坊" + tag + suffix)
                .param("staff", staff)
                .param("s", schoolId)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** A user bound as the role needs; signed in by the tests through its user name. */
    String user(String role, Long school, Long enterprise, Long student) {
        return BoundUsers.insert(jdbc, "it", tag, role, school, enterprise, student);
    }

    /** A placement that keeps every rule: spring term 2027, five days of eight hours, paid above 80% of the wage. */
    java.util.Map<String, Object> plan(String student, long unit) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("studentNumber", student);
        p.put("enterpriseId", unit);
        p.put("kind", "POST");
        p.put("post", "玉雕学徒");
        p.put("postHeadcount", 20);
        p.put("startsOn", "2027-03-01");
        p.put("endsOn", "2027-06-30");
        p.put("supervisorNumber", supervisor);
        p.put("mentorName", "王师傅");
        p.put("mentorPhone", "13800001234");
        p.put("hoursPerDay", 8);
        p.put("daysPerWeek", 5);
        p.put("nightShifts", false);
        p.put("overtime", false);
        p.put("publicHolidays", false);
        p.put("monthlyPay", 2400);
        p.put("postWage", 2800);
        p.put("insurer", "中国人寿");
        p.put("policyNumber", "P-2027-001");
        p.put("insuredFrom", "2027-03-01");
        p.put("insuredTo", "2027-06-30");
        return p;
    }

    void cleanUp() {
        String mine =
                "(SELECT id FROM internship WHERE student_id IN (SELECT id FROM student WHERE student_number LIKE :p))";
        for (String table : List.of(
                "internship_log_photo WHERE log_id IN (SELECT id FROM internship_log WHERE internship_id IN " + mine
                        + ")",
                "internship_log WHERE internship_id IN " + mine,
                "internship_contact WHERE internship_id IN " + mine,
                "internship_incident WHERE internship_id IN " + mine,
                "internship_evaluation WHERE internship_id IN " + mine,
                "internship_status_change WHERE internship_id IN " + mine,
                "internship WHERE id IN " + mine,
                "student WHERE student_number LIKE :p")) {
            jdbc.sql("DELETE FROM " + table).param("p", "IT" + tag + "%").update();
        }
        jdbc.sql("DELETE FROM app_user WHERE username LIKE :u")
                .param("u", "it%" + tag + "%")
                .update();
        jdbc.sql("DELETE FROM enterprise WHERE name LIKE :n")
                .param("n", "实习测试玉雕坊" + tag + "%")
                .update();
    }
}
