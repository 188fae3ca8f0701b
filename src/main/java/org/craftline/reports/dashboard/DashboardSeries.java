package org.craftline.reports.dashboard;

import java.math.BigDecimal;
import java.util.List;
import org.craftline.indicators.IndicatorScope;
import org.craftline.indicators.Summaries;
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
    private final Summaries summaries;

    DashboardSeries(JdbcClient jdbc, Summaries summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
    }

    record YearCount(int cohort, long graduates) {}

    /** Graduates of a cohort and its destinations at the point (null where none is recorded yet). */
    record Cohort(int cohort, long graduates, Long placed, Long employed, Long matched) {}

    record LabelCount(String label, long employed) {}

    record MajorRate(String code, String name, String nameEn, long held, long required) {}

    record TrainingYear(int endYear, long trainees, long completed, long employed) {}

    List<YearCount> graduatesPerYear(IndicatorScope scope) {
        summaries.current();
        return jdbc.sql("""
                        SELECT graduation_year AS cohort, SUM(graduates) AS graduates FROM %s
                        GROUP BY graduation_year ORDER BY graduation_year
                        """.formatted(rows("cohort", scope)))
                .params(scope.params())
                .query(YearCount.class)
                .list();
    }

    /**
     * Graduates per cohort and their destinations at the scope's follow-up point; employed and matched
     * count the directly employed, self-employed included, as matched_employment_rate does.
     */
    List<Cohort> cohorts(IndicatorScope scope) {
        summaries.current();
        return jdbc.sql("""
                        SELECT g.cohort, g.graduates, d.placed, d.employed, d.matched
                        FROM (SELECT graduation_year AS cohort, SUM(graduates) AS graduates FROM %s
                              GROUP BY graduation_year) g
                        LEFT JOIN (SELECT graduation_year AS cohort, SUM(placed) AS placed, SUM(employed) AS employed,
                                          SUM(matched) AS matched
                                   FROM %s AND follow_up = :point
                                   GROUP BY graduation_year) d ON d.cohort = g.cohort
                        ORDER BY g.cohort
                        """.formatted(rows("cohort", scope), rows("destination", scope)))
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

    /**
     * '' where the employer is not in the registry or the column is not recorded; from a whole
     * region's sums, else the scope's schools' employer sets.
     */
    private List<LabelCount> byEnterprise(String column, IndicatorScope scope) {
        summaries.current();
        // a whole region: its sums, one row a unit; else the scope's schools' sets
        String employers = scope.region() != null
                ? "summary_region_employer g JOIN enterprise e ON e.id = g.enterprise_id WHERE g.region_path = "
                        + IndicatorScope.REGION_PATH
                : "summary_employer g JOIN enterprise e ON e.id = g.enterprise_id WHERE "
                        + scope.schools("g.school_id");
        return jdbc.sql("""
                        SELECT x.label, SUM(x.employed) AS employed FROM (
                          SELECT COALESCE(%1$s, '') AS label, g.graduates AS employed FROM %2$s
                          UNION ALL
                          SELECT '', employed_unregistered FROM %3$s AND employed_unregistered > 0) x
                        GROUP BY x.label ORDER BY employed DESC, x.label
                        """.formatted(
                                column,
                                employers,
                                scope.region() != null
                                        ? "summary_region_totals WHERE region_path = " + IndicatorScope.REGION_PATH
                                        : "summary_school WHERE " + scope.schools("school_id")))
                .params(scope.params())
                .query(LabelCount.class)
                .list();
    }

    /** The practical-training rate's counts per major for the scope's term. */
    List<MajorRate> practicalByMajor(IndicatorScope scope) {
        summaries.current();
        return jdbc.sql("""
                        SELECT m.code, m.name, m.name_en, SUM(x.held) AS held, SUM(x.required) AS required
                        FROM (SELECT major_id, held, required FROM %s AND term = :term) x
                        JOIN major m ON m.id = x.major_id
                        GROUP BY m.code, m.name, m.name_en ORDER BY m.code
                        """.formatted(rows("practical", scope)))
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

    /**
     * The rows of a summary for the scope, as {@code <table> WHERE <condition>}: a whole region's
     * own rows ({@code summary_region_<name>}), else its schools' ({@code summary_<name>}).
     */
    static String rows(String summary, IndicatorScope scope) {
        return scope.region() != null
                ? "summary_region_" + summary + " WHERE region_path = " + IndicatorScope.REGION_PATH
                : "summary_" + summary + " WHERE " + scope.schools("school_id");
    }

    /** A rate as the indicators round it (four places), then in percent as reports write it (one decimal). */
    static BigDecimal percent(Long numerator, Long denominator) {
        return numerator == null || denominator == null || denominator == 0
                ? null
                : Figures.percent(Figures.rate(numerator, denominator));
    }
}
