package org.craftline.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The graduates and employment indicators of product.md. Each SQL statement is written out in
 * docs/indicators.md; rates are ratios of two counts of one statement, rounded to four places.
 */
@Configuration
class EmploymentIndicators {

    static final String GRADUATES_TOTAL =
            "SELECT COUNT(*) FROM student s WHERE s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL AND %s";

    static final String EMPLOYMENT_RATE = """
            SELECT (SELECT COUNT(*) FROM destination d WHERE %s AND d.graduation_year = :year AND d.follow_up = :point
                      AND d.kind IN ('EMPLOYED', 'FURTHER_STUDY', 'SELF_EMPLOYED', 'MILITARY')) AS numerator,
                   (SELECT COUNT(*) FROM student s WHERE %s AND s.status = 'GRADUATED' AND s.graduation_year = :year)
                      AS denominator
            """;

    // matched and local employment are counted among the directly employed, which include the
    // self-employed (个体经营), as the ministry counts them; a self-employed graduate's own
    // registry unit (the workshop) is an enterprise employing graduates
    static final String MATCHED_RATE = """
            SELECT COUNT(CASE WHEN d.matched THEN 1 END) AS numerator, COUNT(*) AS denominator
            FROM destination d WHERE %s AND d.graduation_year = :year AND d.follow_up = :point
              AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')
            """;

    static final String LOCAL_SHARE = """
            SELECT COUNT(CASE WHEN d.local_job THEN 1 END) AS numerator, COUNT(*) AS denominator
            FROM destination d WHERE %s AND d.graduation_year = :year AND d.follow_up = :point
              AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')
            """;

    static final String ENTERPRISES_EMPLOYING = """
            SELECT COUNT(DISTINCT d.enterprise_id) FROM destination d
            WHERE %s AND d.latest = TRUE AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.enterprise_id IS NOT NULL
            """;

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator graduatesTotal(JdbcClient jdbc) {
        return count("graduates_total", jdbc, GRADUATES_TOTAL, "s.school_id");
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator employmentRate(JdbcClient jdbc) {
        return ratio("employment_rate", jdbc, EMPLOYMENT_RATE, List.of("d.school_id", "s.school_id"));
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator matchedEmploymentRate(JdbcClient jdbc) {
        return ratio("matched_employment_rate", jdbc, MATCHED_RATE, List.of("d.school_id"));
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator localEmploymentShare(JdbcClient jdbc) {
        return ratio("local_employment_share", jdbc, LOCAL_SHARE, List.of("d.school_id"));
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator enterprisesEmployingGraduates(JdbcClient jdbc) {
        return count("enterprises_employing_graduates", jdbc, ENTERPRISES_EMPLOYING, "d.school_id");
    }

    static Indicator count(String name, JdbcClient jdbc, String sql, String column) {
        return count(name, jdbc, sql, List.of(column));
    }

    /** A count whose statement takes the school condition on several columns, in order. */
    static Indicator count(String name, JdbcClient jdbc, String sql, List<String> columns) {
        return new Indicator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Number compute(IndicatorScope scope) {
                Object[] conditions = columns.stream().map(scope::schools).toArray();
                return jdbc.sql(sql.formatted(conditions))
                        .params(scope.params())
                        .query(Long.class)
                        .single();
            }
        };
    }

    static Indicator ratio(String name, JdbcClient jdbc, String sql, List<String> columns) {
        return ratio(name, jdbc, sql, columns, IndicatorScope::params);
    }

    /** A ratio whose statement binds more than the scope's parameters (e.g. today's date). */
    static Indicator ratio(
            String name,
            JdbcClient jdbc,
            String sql,
            List<String> columns,
            Function<IndicatorScope, Map<String, ?>> params) {
        return ratio(name, jdbc, sql, columns, params, 4);
    }

    /** A quotient of the statement's two counts to {@code scale} places (a mean such as 1.25 takes two). */
    static Indicator ratio(
            String name,
            JdbcClient jdbc,
            String sql,
            List<String> columns,
            Function<IndicatorScope, Map<String, ?>> params,
            int scale) {
        return new Indicator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Number compute(IndicatorScope scope) {
                Object[] conditions = columns.stream().map(scope::schools).toArray();
                long[] counts = jdbc.sql(sql.formatted(conditions))
                        .params(params.apply(scope))
                        .query((rs, i) -> new long[] {rs.getLong("numerator"), rs.getLong("denominator")})
                        .single();
                return quotient(counts[0], counts[1], scale);
            }
        };
    }

    static BigDecimal rate(long numerator, long denominator) {
        return quotient(numerator, denominator, 4);
    }

    static BigDecimal quotient(long numerator, long denominator, int scale) {
        return denominator == 0
                ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }
}
