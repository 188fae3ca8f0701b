package org.craftline.reports.dashboard;

import java.math.BigDecimal;
import java.util.List;
import org.craftline.indicators.IndicatorScope;
import org.craftline.reports.support.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The breakdowns behind the dashboard's charts, one grouped statement each, over the schools of an
 * {@link IndicatorScope} (already checked against the user's tenancy). The per-cohort rates use the
 * counts of the indicators' formulas (docs/indicators.md), so the chart's point for year Y is
 * the employment_rate of Y as the dashboard writes it.
 */
@Component
class DashboardSeries {

    private final JdbcClient jdbc;

    DashboardSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record YearCount(int cohort, long graduates) {}

    /** Graduates of a cohort and its destinations at the point (null where none is recorded yet). */
    record Cohort(int cohort, long graduates, Long placed, Long employed, Long matched) {}

    record LabelCount(String label, long employed) {}

    record MajorRate(String code, String name, String nameEn, long held, long required) {}

    record TrainingYear(int endYear, long trainees, long completed, long employed) {}

    List<YearCount> graduatesPerYear(IndicatorScope scope) {
        return jdbc.sql("""
                        SELECT s.graduation_year AS cohort, COUNT(*) AS graduates FROM student s
                        WHERE %s AND s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL
                        GROUP BY s.graduation_year ORDER BY s.graduation_year
                        """.formatted(scope.schools("s.school_id")))
                .params(scope.params())
                .query(YearCount.class)
                .list();
    }

    /**
     * Graduates per cohort and their destinations at the scope's follow-up point; employed and matched
     * count the directly employed, self-employed included, as matched_employment_rate does.
     */
    List<Cohort> cohorts(IndicatorScope scope) {
        return jdbc.sql("""
                        SELECT g.cohort, g.graduates, d.placed, d.employed, d.matched
                        FROM (SELECT s.graduation_year AS cohort, COUNT(*) AS graduates FROM student s
                              WHERE %s AND s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL
                              GROUP BY s.graduation_year) g
                        LEFT JOIN (SELECT d.graduation_year AS cohort,
                                     COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'FURTHER_STUDY', 'SELF_EMPLOYED', 'MILITARY')
                                                THEN 1 END) AS placed,
                                     COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') THEN 1 END) AS employed,
                                     COUNT(CASE WHEN d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.matched THEN 1 END)
                                       AS matched
                                   FROM destination d WHERE %s AND d.follow_up = :point
                                   GROUP BY d.graduation_year) d ON d.cohort = g.cohort
                        ORDER BY g.cohort
                        """.formatted(scope.schools("s.school_id"), scope.schools("d.school_id")))
                .params(scope.params())
                .query(Cohort.class)
                .list();
    }

    /** Graduates directly employed (self-employed included) at their latest known point, by their unit's industry. */
    List<LabelCount> byIndustry(IndicatorScope scope) {
        return byEnterprise("e.industry", scope);
    }

    /** The same graduates by the town of their enterprise, most first. */
    List<LabelCount> byTown(IndicatorScope scope) {
        return byEnterprise("e.town", scope);
    }

    /** '' where the employer is not in the registry or the column is not recorded. */
    private List<LabelCount> byEnterprise(String column, IndicatorScope scope) {
        return jdbc.sql("""
                        SELECT COALESCE(%1$s, '') AS label, COUNT(*) AS employed
                        FROM destination d LEFT JOIN enterprise e ON e.id = d.enterprise_id
                        WHERE %2$s AND d.latest = TRUE AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')
                        GROUP BY COALESCE(%1$s, '') ORDER BY employed DESC, label
                        """.formatted(column, scope.schools("d.school_id")))
                .params(scope.params())
                .query(LabelCount.class)
                .list();
    }

    /** The practical-training rate's counts per major for the scope's term. */
    List<MajorRate> practicalByMajor(IndicatorScope scope) {
        return jdbc.sql("""
                        SELECT m.code, m.name, m.name_en,
                               COUNT(CASE WHEN EXISTS (SELECT 1 FROM training_session t
                                                       WHERE t.item_id = r.item_id AND t.term = r.term) THEN 1 END)
                                 AS held,
                               COUNT(*) AS required
                        FROM practical_requirement r JOIN practical_item i ON i.id = r.item_id
                        JOIN course c ON c.id = i.course_id JOIN major m ON m.id = c.major_id
                        WHERE %s AND r.term = :term
                        GROUP BY m.code, m.name, m.name_en ORDER BY m.code
                        """.formatted(scope.schools("r.school_id")))
                .params(scope.params())
                .query(MajorRate.class)
                .list();
    }

    /**
     * Social training by the year its cohorts ended, in distinct trainees: trained, completed, and
     * employed after completing a labour-transfer course (the counts of labour_transfer_rate).
     */
    List<TrainingYear> socialPerYear(IndicatorScope scope) {
        return jdbc.sql("""
                        SELECT EXTRACT(YEAR FROM c.ends_on) AS end_year, COUNT(DISTINCT e.trainee_id) AS trainees,
                               COUNT(DISTINCT CASE WHEN e.completed THEN e.trainee_id END) AS completed,
                               COUNT(DISTINCT CASE WHEN e.completed AND e.employed AND p.kind = 'LABOUR_TRANSFER'
                                                   THEN e.trainee_id END) AS employed
                        FROM cohort c JOIN programme p ON p.id = c.programme_id JOIN enrolment e ON e.cohort_id = c.id
                        WHERE %s
                        GROUP BY EXTRACT(YEAR FROM c.ends_on) ORDER BY end_year
                        """.formatted(scope.schools("c.school_id")))
                .params(scope.params())
                .query(TrainingYear.class)
                .list();
    }

    /** A rate as the indicators round it (four places), then in percent as reports write it (one decimal). */
    static BigDecimal percent(Long numerator, Long denominator) {
        return numerator == null || denominator == null || denominator == 0
                ? null
                : Figures.percent(Figures.rate(numerator, denominator));
    }
}
