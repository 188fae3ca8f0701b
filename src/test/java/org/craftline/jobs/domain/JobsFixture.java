package org.craftline.jobs.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Fresh schools, units, postings, students and accounts for the jobs tests, all named with one
 * random tag so they touch nothing else in the shared database and are removed afterwards.
 */
class JobsFixture {

    private final JdbcClient jdbc;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    JobsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String id() {
        return tag;
    }

    /** A school in the county of the demo school of that code. */
    long school(String suffix, String countyOfSchool) {
        return insert("INSERT INTO school (code, name, region_id, founded_year)"
                + " SELECT '" + suffix + "X" + tag + "', '测试学校" + tag + suffix + "', region_id, 2000"
                + " FROM school WHERE code = '" + countyOfSchool + "'");
    }

    long unit(String suffix, long countyOfSchool) {
        return insert("INSERT INTO enterprise (name, industry, region_id, size_band) SELECT '推荐测试" + tag + suffix
                + "', 'JADE_CARVING', region_id, 'SMALL' FROM school WHERE id = " + countyOfSchool);
    }

    long posting(long unit, String majorCode, Integer minRank, int headcount, LocalDate deadline, String position) {
        long id = insert("INSERT INTO posting (enterprise_id, kind, position, min_skill_rank, headcount, town,"
                + " deadline, published_by, created_at) VALUES (" + unit + ", 'JOB', '" + position + "', " + minRank
                + ", " + headcount + ", '石佛寺镇', DATE '" + deadline + "', 'test', CURRENT_TIMESTAMP)");
        if (majorCode != null) {
            jdbc.sql("INSERT INTO posting_major (posting_id, major_id) SELECT :p, id FROM major WHERE code = :m")
                    .param("p", id)
                    .param("m", majorCode)
                    .update();
        }
        return id;
    }

    void headcount(long posting, int headcount) {
        jdbc.sql("UPDATE posting SET headcount = :h WHERE id = :p")
                .param("h", headcount)
                .param("p", posting)
                .update();
    }

    void hide(long posting, long school) {
        jdbc.sql("INSERT INTO posting_hidden (posting_id, school_id, reason, hidden_by, hidden_at)"
                        + " VALUES (:p, :s, 'test', 'test', :at)")
                .param("p", posting)
                .param("s", school)
                .param("at", OffsetDateTime.now())
                .update();
    }

    long student(long school, String suffix, String majorCode, String status) {
        return insert("INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,"
                + " major_id, entry_year, status, graduation_year) SELECT " + school + ", '" + number(suffix) + "', '"
                + name(suffix) + "', '" + ("R" + tag + suffix + "000000000").substring(0, 18)
                + "', 'FEMALE', DATE '2006-03-01', 'RURAL', id, 2022, '" + status + "', "
                + ("GRADUATED".equals(status) ? "2025" : "NULL") + " FROM major WHERE code = '" + majorCode + "'");
    }

    String name(String suffix) {
        return "荐" + tag + suffix;
    }

    String number(String suffix) {
        return "RC" + tag + suffix;
    }

    void certificate(long student, int rank, String status) {
        jdbc.sql("INSERT INTO certificate (school_id, student_id, kind, grade, grade_rank, name, issuing_body,"
                        + " issued_year, status) SELECT school_id, id, 'SKILL', 'LEVEL', :r, '玉雕工', 'test', 2025, :st"
                        + " FROM student WHERE id = :s")
                .param("r", rank)
                .param("st", status)
                .param("s", student)
                .update();
    }

    void destination(long student, String point, String kind, boolean latest) {
        jdbc.sql("""
                        INSERT INTO destination (student_id, school_id, graduation_year, follow_up, follow_up_rank,
                          recorded_on, kind, local_job, matched, source, confirmed, latest)
                        SELECT id, school_id, 2025, :pt, :rk, DATE '2025-07-01', :k, FALSE, FALSE, 'SCHOOL', TRUE, :l
                        FROM student WHERE id = :s""")
                .param("pt", point)
                .param("rk", point.equals("AT_GRADUATION") ? 1 : 2)
                .param("k", kind)
                .param("l", latest)
                .param("s", student)
                .update();
    }

    void optOut(long student) {
        jdbc.sql("INSERT INTO job_recommendation_optout (student_id, opted_out_at) VALUES (:s, :at)")
                .param("s", student)
                .param("at", OffsetDateTime.now())
                .update();
    }

    String username(String who) {
        return "rc" + tag + who;
    }

    void account(String role, long school, Long unit, Long student, String who) {
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, role, school_id, enterprise_id,"
                        + " student_id, enabled, created_at) VALUES (:u, :u, '{noop}x', :r, :s, :e, :st, TRUE, :at)")
                .param("u", username(who))
                .param("r", role)
                .param("s", school)
                .param("e", unit)
                .param("st", student)
                .param("at", OffsetDateTime.now())
                .update();
    }

    void cleanUp() {
        String schools = "(SELECT id FROM school WHERE name LIKE '测试学校" + tag + "%')";
        String students = "(SELECT id FROM student WHERE school_id IN " + schools + ")";
        String postings =
                "(SELECT id FROM posting WHERE enterprise_id IN (SELECT id FROM enterprise WHERE name LIKE '推荐测试" + tag
                        + "%'))";
        for (String sql : new String[] {
            "DELETE FROM app_user WHERE username LIKE 'rc" + tag + "%'",
            "DELETE FROM job_saved_search WHERE student_id IN " + students,
            "DELETE FROM job_recommendation_optout WHERE student_id IN " + students,
            "DELETE FROM job_application WHERE posting_id IN " + postings,
            "DELETE FROM posting_hidden WHERE posting_id IN " + postings,
            "DELETE FROM posting_major WHERE posting_id IN " + postings,
            "DELETE FROM posting WHERE id IN " + postings,
            "DELETE FROM destination WHERE school_id IN " + schools,
            "DELETE FROM certificate WHERE school_id IN " + schools,
            "DELETE FROM student WHERE school_id IN " + schools,
            "DELETE FROM enterprise WHERE name LIKE '推荐测试" + tag + "%'",
            "DELETE FROM school WHERE name LIKE '测试学校" + tag + "%'"
        }) {
            jdbc.sql(sql).update();
        }
    }

    private long insert(String sql) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }
}
