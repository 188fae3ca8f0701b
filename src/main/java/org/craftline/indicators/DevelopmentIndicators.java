package org.craftline.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The development indicators: the share of funded-project spending that went to capacity building,
 * and the funds awarded and spent in yuan (two places). Spending is net of reversals: a reversal
 * entry carries the negative amount of the entry it takes back. The SQL is written out in
 * docs/indicators.md.
 */
@Configuration
class DevelopmentIndicators {

    static final String CAPACITY_BUILDING_SHARE = """
            SELECT SUM(CASE WHEN l.capacity_building THEN e.amount ELSE 0 END) AS capacity, SUM(e.amount) AS total
            FROM expenditure e JOIN budget_line l ON l.id = e.line_id WHERE %s
            """;

    static final String FUNDS_AWARDED = "SELECT SUM(p.amount_awarded) FROM funded_project p WHERE %s";

    static final String FUNDS_SPENT = "SELECT SUM(e.amount) FROM expenditure e WHERE %s";

    @Bean
    Indicator capacityBuildingShare(JdbcClient jdbc) {
        return new Indicator() {
            @Override
            public String name() {
                return "capacity_building_share";
            }

            @Override
            public Number compute(IndicatorScope scope) {
                BigDecimal[] sums = jdbc.sql(CAPACITY_BUILDING_SHARE.formatted(scope.schools("e.school_id")))
                        .params(scope.params())
                        .query((rs, i) -> new BigDecimal[] {rs.getBigDecimal("capacity"), rs.getBigDecimal("total")})
                        .single();
                return share(sums[0], sums[1]);
            }
        };
    }

    @Bean
    Indicator fundsAwarded(JdbcClient jdbc) {
        return SummaryIndicators.eachAtOnce(
                yuan("funds_awarded", jdbc, FUNDS_AWARDED, "p.school_id"),
                jdbc,
                (sum, zero) -> sum.setScale(2, RoundingMode.HALF_UP),
                """
                SELECT p.school_id, SUM(p.amount_awarded) AS numerator, 0 AS denominator
                FROM funded_project p WHERE p.%s GROUP BY p.school_id
                """);
    }

    @Bean
    Indicator fundsSpent(JdbcClient jdbc) {
        return yuan("funds_spent", jdbc, FUNDS_SPENT, "e.school_id");
    }

    static Indicator yuan(String name, JdbcClient jdbc, String sql, String column) {
        return new Indicator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Number compute(IndicatorScope scope) {
                BigDecimal sum = jdbc.sql(sql.formatted(scope.schools(column)))
                        .params(scope.params())
                        .query(BigDecimal.class)
                        .optional()
                        .orElse(null);
                return (sum == null ? BigDecimal.ZERO : sum).setScale(2, RoundingMode.HALF_UP);
            }
        };
    }

    /** Part / whole rounded to four places like the rates; null when nothing (net) was spent. */
    static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }
}
