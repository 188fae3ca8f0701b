package org.craftline.training.domain;

import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Zhenping school's final-year students' results of its required courses (the first two of every
 * major, marked by {@link TrainingDemo}), so that the demo graduation shows the check passing most and
 * failing a few: each student of the earliest intake still enrolled has a result of each in the term
 * the course is taught (first or second of the first year), passed but for about one student in
 * fifteen who failed the second course and has not passed it since. One statement, deterministic (the
 * ids of a fresh installation are).
 */
@Component
class TrainingDemoResults implements DemoContributor {

    private final OrganisationApi organisation;
    private final JdbcTemplate jdbc;

    TrainingDemoResults(OrganisationApi organisation, JdbcTemplate jdbc) {
        this.organisation = organisation;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 410; // after the students (200) and the courses (TrainingDemo, 400)
    }

    @Override
    public void load() {
        long schoolId = organisation
                .schoolIdByCode(TrainingDemo.PROFILES.get(0).school())
                .orElseThrow();
        Integer finalYear = jdbc.queryForObject(
                "SELECT MIN(entry_year) FROM student WHERE school_id = ? AND status = 'ENROLLED'",
                Integer.class,
                schoolId);
        jdbc.update("""
                INSERT INTO course_result (school_id, student_id, course_id, term, passed, recorded_by, recorded_at)
                SELECT c.school_id, s.id, c.id,
                       CAST(s.entry_year AS VARCHAR(4)) || '-' || CAST(s.entry_year + 1 AS VARCHAR(4))
                         || CASE WHEN c.code LIKE '%-01' THEN '-1' ELSE '-2' END,
                       CASE WHEN MOD(s.id, 15) = 0 AND c.code LIKE '%-02' THEN FALSE ELSE TRUE END,
                       'demo', CURRENT_TIMESTAMP
                FROM student s JOIN course c ON c.school_id = s.school_id AND c.major_id = s.major_id
                WHERE s.school_id = ? AND s.entry_year = ? AND s.status = 'ENROLLED' AND c.required = TRUE
                """, schoolId, finalYear);
    }
}
