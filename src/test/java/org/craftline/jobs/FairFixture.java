package org.craftline.jobs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.craftline.support.BoundUsers;
import org.craftline.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Units, postings, students and users of the demo schools for job fair tests, each named with a
 * run's own tag so tests sharing the database never meet, and removed again with the fairs made for them.
 */
final class FairFixture {

    final JdbcClient jdbc;
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final long zhenping;
    final long neixiang;

    FairFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.zhenping = schoolId(TestUsers.ZHENPING);
        this.neixiang = schoolId(TestUsers.NEIXIANG);
    }

    private long schoolId(String code) {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    /** An enrolled student of the school; returns its student number. */
    String student(long school, String suffix) {
        String number = "JF" + tag + suffix;
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status)
                        VALUES (:s, :n, :name, :idn, 'FEMALE', DATE '2008-03-01', 'RURAL',
                          COALESCE((SELECT MIN(major_id) FROM school_major WHERE school_id = :s), (SELECT MIN(id) FROM major)),
                          2024, 'ENROLLED')
                        """)
                .param("s", school)
                .param("n", number)
                .param("name", "双选生" + suffix)
                .param("idn", ("F" + tag + suffix + "000000000000").substring(0, 18))
                .update();
        return number;
    }

    long studentId(String number) {
        return jdbc.sql("SELECT id FROM student WHERE student_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    /** A jade unit of the registry, named in Chinese with the run's tag. */
    long enterprise(String name) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO enterprise (name, industry, region_id, size_band, staff_count)
                        SELECT :name, 'JADE_CARVING', region_id, 'SMALL', 30 FROM school WHERE id = :s
                        """).param("name", name + tag).param("s", zhenping).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** An open job posting of the unit, published by the unit itself. */
    long posting(long enterprise, String position, int headcount) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO posting (enterprise_id, kind, position, headcount, town, deadline, published_by,
                          created_at)
                        VALUES (:e, 'JOB', :p, :h, '石佛寺镇', :d, 'fixture', :at)
                        """)
                .param("e", enterprise)
                .param("p", position)
                .param("h", headcount)
                .param("d", LocalDate.of(2027, 6, 30))
                .param("at", OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** The student's application to the posting at the given stage. */
    long application(long posting, String studentNumber, long school, String stage) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO job_application (posting_id, student_id, school_id, stage, stage_on, applied_at)
                        VALUES (:p, :s, :school, :stage, DATE '2027-04-01', :at)
                        """)
                .param("p", posting)
                .param("s", studentId(studentNumber))
                .param("school", school)
                .param("stage", stage)
                .param("at", OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** A user bound as the role needs; signed in by the tests through its user name. */
    String user(String role, Long school, Long enterprise, Long student) {
        return BoundUsers.insert(jdbc, "jf", tag, role, school, enterprise, student);
    }

    void cleanUp() {
        String fairs = "(SELECT id FROM job_fair WHERE name LIKE :p)";
        String units = "(SELECT id FROM job_fair_unit WHERE fair_id IN " + fairs + ")";
        String students = "(SELECT id FROM student WHERE student_number LIKE :p)";
        String enterprises = "(SELECT id FROM enterprise WHERE name LIKE :p)";
        String postings = "(SELECT id FROM posting WHERE enterprise_id IN " + enterprises + ")";
        String applications = "(SELECT id FROM job_application WHERE posting_id IN " + postings + ")";
        for (String table : List.of(
                "job_fair_offer WHERE fair_unit_id IN " + units,
                "job_fair_posting WHERE fair_unit_id IN " + units,
                "job_fair_unit WHERE fair_id IN " + fairs,
                "job_fair_registration WHERE fair_id IN " + fairs,
                "job_fair WHERE id IN " + fairs,
                "job_application_stage WHERE application_id IN " + applications,
                "job_application WHERE id IN " + applications,
                "posting WHERE id IN " + postings,
                "app_user WHERE username LIKE :p",
                "student WHERE id IN " + students,
                "enterprise WHERE id IN " + enterprises)) {
            jdbc.sql("DELETE FROM " + table).param("p", "%" + tag + "%").update();
        }
    }
}
