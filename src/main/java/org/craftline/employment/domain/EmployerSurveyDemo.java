package org.craftline.employment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The employer surveys of the demo schools for the graduates of 2023-2026: every unit employing
 * graduates of the year at their latest destination asked; the closed surveys answered by most units
 * (more of those employing several graduates), mostly 4s with some 3s and 5s and a few who would not
 * hire again; the 2026 survey still open with a third answered. Set-based and deterministic (who
 * answers and how follow the unit's id).
 */
@Component
class EmployerSurveyDemo implements DemoContributor {

    private final JdbcTemplate jdbc;

    EmployerSurveyDemo(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 320; // after the follow-up rounds, which mark the destinations they confirmed
    }

    @Override
    public void load() {
        survey(2023, LocalDate.of(2024, 3, 4), 81);
        survey(2024, LocalDate.of(2025, 3, 3), 77);
        survey(2025, LocalDate.of(2026, 3, 2), 72);
        survey(2026, LocalDate.of(2026, 11, 16), 33);
    }

    private void survey(int year, LocalDate opened, int percentAnswering) {
        jdbc.update("""
                INSERT INTO employer_survey (school_id, graduation_year, opened_on, closes_on)
                SELECT DISTINCT school_id, graduation_year, ?, ? FROM destination
                WHERE graduation_year = ? AND latest AND kind = 'EMPLOYED' AND enterprise_id IS NOT NULL
                """, opened, opened.plusDays(60), year);
        jdbc.update("""
                INSERT INTO employer_rating (survey_id, school_id, enterprise_id, graduates)
                SELECT v.id, d.school_id, d.enterprise_id, COUNT(*) FROM employer_survey v
                JOIN destination d ON d.school_id = v.school_id AND d.graduation_year = v.graduation_year
                WHERE v.graduation_year = ? AND d.latest AND d.kind = 'EMPLOYED' AND d.enterprise_id IS NOT NULL
                GROUP BY v.id, d.school_id, d.enterprise_id
                """, year);
        OffsetDateTime answered = opened.plusDays(12).atTime(10, 30).atOffset(ZoneOffset.ofHours(8));
        jdbc.update("""
                UPDATE employer_rating SET answered_at = ?, answered_by = 'link',
                       skills = CASE MOD(enterprise_id * 11 + survey_id, 10) WHEN 0 THEN 3 WHEN 1 THEN 3 WHEN 2 THEN 5
                                WHEN 3 THEN 5 WHEN 4 THEN 5 ELSE 4 END,
                       attitude = CASE MOD(enterprise_id * 7 + survey_id, 10) WHEN 0 THEN 3 WHEN 1 THEN 5 WHEN 2 THEN 5
                                  WHEN 3 THEN 5 WHEN 4 THEN 5 ELSE 4 END,
                       hire_again = MOD(enterprise_id * 13 + survey_id, 12) <> 0
                WHERE survey_id IN (SELECT id FROM employer_survey WHERE graduation_year = ?)
                  AND MOD(enterprise_id * 37 + graduates * 5, 100) < ?
                """, answered, year, percentAnswering);
    }
}
