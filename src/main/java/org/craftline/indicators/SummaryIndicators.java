package org.craftline.indicators;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The indicators over the large tables (students, destinations, certificates), computed from the
 * summaries ({@link Summaries}): each statement gives, per school of the scope, the two sums of the
 * indicator's formula, whose totals make the figure of many schools and whose rows make each
 * school's. Their definitions over the records are the statements of docs/indicators.md (the
 * {@code LIVE} statements of the other classes here), which the tests compare them with.
 */
@Configuration
class SummaryIndicators {

    /** A count: the first sum. */
    static final BiFunction<BigDecimal, BigDecimal, Number> COUNT = (numerator, denominator) -> numerator.longValue();

    /** A rate to four places: the first sum over the second, null when the second is 0. */
    static final BiFunction<BigDecimal, BigDecimal, Number> RATE =
            (numerator, denominator) -> EmploymentIndicators.rate(numerator.longValue(), denominator.longValue());

    /** The same indicators computed from the records, for the tests and the benchmark to compare with. */
    static List<Indicator> live(JdbcClient jdbc) {
        return List.of(
                EmploymentIndicators.graduatesTotal(jdbc),
                EmploymentIndicators.employmentRate(jdbc),
                EmploymentIndicators.matchedEmploymentRate(jdbc),
                EmploymentIndicators.localEmploymentShare(jdbc),
                EmploymentIndicators.enterprisesEmployingGraduates(jdbc),
                JobsIndicators.schoolHires(jdbc),
                JobsIndicators.schoolHireShare(jdbc),
                TrainingIndicators.practicalTrainingRate(jdbc),
                TalentIndicators.dualQualifiedTeacherShare(jdbc),
                TalentIndicators.certificateRate(jdbc),
                TalentIndicators.mastersNational(jdbc),
                TalentIndicators.mastersProvincialMunicipal(jdbc),
                TalentIndicators.seniorCraftsmen(jdbc),
                InternshipIndicators.internshipRate(jdbc),
                TrainingIndicators.equipmentValuePerStudent(jdbc));
    }

    @Bean
    Indicator graduatesTotal(JdbcClient jdbc, Summaries summaries) {
        return summed("graduates_total", jdbc, summaries, COUNT, """
                SELECT school_id, graduates AS numerator, 0 AS denominator FROM summary_school WHERE %s
                """, """
                SELECT graduates AS numerator, 0 AS denominator FROM summary_region_totals WHERE region_path = {region}
                """);
    }

    @Bean
    Indicator employmentRate(JdbcClient jdbc, Summaries summaries) {
        return summed("employment_rate", jdbc, summaries, RATE, """
                SELECT x.school_id, SUM(x.numerator) AS numerator, SUM(x.denominator) AS denominator FROM (
                  SELECT school_id, placed AS numerator, 0 AS denominator FROM summary_destination
                  WHERE %1$s AND graduation_year = :year AND follow_up = :point
                  UNION ALL
                  SELECT school_id, 0, graduates FROM summary_cohort WHERE %1$s AND graduation_year = :year) x
                GROUP BY x.school_id
                """, """
                SELECT (SELECT SUM(placed) FROM summary_region_destination WHERE region_path = {region}
                          AND graduation_year = :year AND follow_up = :point) AS numerator,
                       (SELECT SUM(graduates) FROM summary_region_cohort WHERE region_path = {region}
                          AND graduation_year = :year) AS denominator
                """);
    }

    @Bean
    Indicator matchedEmploymentRate(JdbcClient jdbc, Summaries summaries) {
        return ofEmployed("matched_employment_rate", "matched", jdbc, summaries, RATE);
    }

    @Bean
    Indicator localEmploymentShare(JdbcClient jdbc, Summaries summaries) {
        return ofEmployed("local_employment_share", "local_jobs", jdbc, summaries, RATE);
    }

    @Bean
    Indicator schoolHireShare(JdbcClient jdbc, Summaries summaries) {
        return ofEmployed("school_hire_share", "school_channel", jdbc, summaries, RATE);
    }

    @Bean
    Indicator schoolHires(JdbcClient jdbc, Summaries summaries) {
        return ofEmployed("school_hires", "school_channel", jdbc, summaries, COUNT);
    }

    @Bean
    Indicator certificateRate(JdbcClient jdbc, Summaries summaries) {
        return summed("certificate_rate", jdbc, summaries, RATE, """
                SELECT school_id, SUM(certified) AS numerator, SUM(graduates) AS denominator FROM summary_cohort
                WHERE %s AND graduation_year = :year GROUP BY school_id
                """, """
                SELECT SUM(certified) AS numerator, SUM(graduates) AS denominator FROM summary_region_cohort
                WHERE region_path = {region} AND graduation_year = :year
                """);
    }

    @Bean
    Indicator mastersNational(JdbcClient jdbc, Summaries summaries) {
        return talent("masters_national", 3, jdbc, summaries);
    }

    @Bean
    Indicator mastersProvincialMunicipal(JdbcClient jdbc, Summaries summaries) {
        return talent("masters_provincial_municipal", 2, jdbc, summaries);
    }

    @Bean
    Indicator seniorCraftsmen(JdbcClient jdbc, Summaries summaries) {
        return talent("senior_craftsmen", 1, jdbc, summaries);
    }

    @Bean
    Indicator internshipRate(JdbcClient jdbc, Summaries summaries) {
        return summed("internship_rate", jdbc, summaries, RATE, """
                SELECT school_id, SUM(interned) AS numerator, SUM(students) AS denominator FROM summary_final_year
                WHERE %s AND final_year = :year GROUP BY school_id
                """, """
                SELECT SUM(interned) AS numerator, SUM(students) AS denominator FROM summary_region_final_year
                WHERE region_path = {region} AND final_year = :year
                """);
    }

    /** Full-time teachers holding both a teacher's and a vocational qualification, over the full-time teachers. */
    @Bean
    Indicator dualQualifiedTeacherShare(JdbcClient jdbc, Summaries summaries) {
        return summed("dual_qualified_teacher_share", jdbc, summaries, RATE, """
                SELECT school_id, dual_qualified AS numerator, teachers AS denominator FROM summary_school WHERE %s
                """, """
                SELECT dual_qualified AS numerator, teachers AS denominator FROM summary_region_totals
                WHERE region_path = {region}
                """);
    }

    /** Required items of the term with a session held in it, over those required (by school, term, major). */
    @Bean
    Indicator practicalTrainingRate(JdbcClient jdbc, Summaries summaries) {
        return summed("practical_training_rate", jdbc, summaries, RATE, """
                SELECT school_id, SUM(held) AS numerator, SUM(required) AS denominator FROM summary_practical
                WHERE %s AND term = :term GROUP BY school_id
                """, """
                SELECT SUM(held) AS numerator, SUM(required) AS denominator FROM summary_region_practical
                WHERE region_path = {region} AND term = :term
                """);
    }

    /** Equipment (the workshops, a small table, read live) per enrolled student (summarised). */
    @Bean
    Indicator equipmentValuePerStudent(JdbcClient jdbc, Summaries summaries) {
        return summed(
                "equipment_value_per_student",
                jdbc,
                summaries,
                (equipment, students) -> TrainingIndicators.perStudent(equipment, students.longValue()),
                """
                SELECT x.school_id, SUM(x.numerator) AS numerator, SUM(x.denominator) AS denominator FROM (
                  SELECT school_id, equipment_value AS numerator, 0 AS denominator FROM workshop WHERE %1$s
                  UNION ALL
                  SELECT school_id, 0, enrolled FROM summary_school WHERE %1$s) x
                GROUP BY x.school_id
                """,
                """
                SELECT (SELECT SUM(equipment_value) FROM workshop WHERE school_id IN (%s)) AS numerator,
                       (SELECT enrolled FROM summary_region_totals WHERE region_path = {region}) AS denominator
                """.formatted(IndicatorScope.REGION_SCHOOLS));
    }

    /**
     * Distinct units employing the scope's graduates now: the rows of a whole region's sums, else
     * the union of the scope's schools' sets.
     */
    @Bean
    Indicator enterprisesEmployingGraduates(JdbcClient jdbc, Summaries summaries) {
        return new Indicator() {
            @Override
            public String name() {
                return "enterprises_employing_graduates";
            }

            @Override
            public Number compute(IndicatorScope scope) {
                summaries.current();
                // a whole region: its sums, one row a unit; else the union of the schools' sets
                return jdbc.sql(
                                scope.region() != null
                                        ? "SELECT COALESCE(SUM(employers), 0) FROM summary_region_units WHERE region_path = "
                                                + IndicatorScope.REGION_PATH
                                        : "SELECT COUNT(DISTINCT enterprise_id) FROM summary_employer WHERE "
                                                + scope.schools("school_id"))
                        .params(scope.params())
                        .query(Long.class)
                        .single();
            }

            @Override
            public Map<Long, Number> each(IndicatorScope scope) {
                summaries.current();
                Map<Long, Number> values = new LinkedHashMap<>();
                scope.schoolIds().forEach(id -> values.put(id, 0L));
                jdbc.sql("SELECT school_id, COUNT(*) AS n FROM summary_employer WHERE " + scope.schools("school_id")
                                + " GROUP BY school_id")
                        .params(scope.params())
                        .query((rs, i) -> values.put(rs.getLong("school_id"), rs.getLong("n")))
                        .list();
                return values;
            }
        };
    }

    private static Indicator ofEmployed(
            String name,
            String column,
            JdbcClient jdbc,
            Summaries summaries,
            BiFunction<BigDecimal, BigDecimal, Number> finish) {
        return summed(name, jdbc, summaries, finish, """
                SELECT school_id, SUM(%1$s) AS numerator, SUM(employed) AS denominator FROM summary_destination
                WHERE %%s AND graduation_year = :year AND follow_up = :point GROUP BY school_id
                """.formatted(column), """
                SELECT SUM(%s) AS numerator, SUM(employed) AS denominator FROM summary_region_destination
                WHERE region_path = {region} AND graduation_year = :year AND follow_up = :point
                """.formatted(column));
    }

    private static Indicator talent(String name, int level, JdbcClient jdbc, Summaries summaries) {
        return summed(name, jdbc, summaries, COUNT, """
                SELECT school_id, SUM(graduates) AS numerator, 0 AS denominator FROM summary_talent
                WHERE %%s AND level = %d GROUP BY school_id
                """.formatted(level), """
                SELECT SUM(graduates) AS numerator, 0 AS denominator FROM summary_region_talent
                WHERE region_path = {region} AND level = %d
                """.formatted(level));
    }

    /** As {@link #summed(String, JdbcClient, Summaries, BiFunction, String, String)}, without region rows. */
    static Indicator summed(
            String name,
            JdbcClient jdbc,
            Summaries summaries,
            BiFunction<BigDecimal, BigDecimal, Number> finish,
            String sql) {
        return summed(name, jdbc, summaries, finish, sql, null);
    }

    /**
     * An indicator from a statement giving {@code school_id, numerator, denominator} per school of
     * {@code %s} (the scope's condition on {@code school_id}, repeated as {@code %1$s}); the figure of
     * the scope is {@code finish} of the sums over its schools, a school's that of its row (of two
     * zeros when it has none). A whole region's figure comes from {@code region}, a statement giving
     * the region's {@code numerator, denominator} from its region rows ({@code {region}}: its path),
     * when there is one. Without {@code summaries} the statements read only records.
     */
    static Indicator summed(
            String name,
            JdbcClient jdbc,
            Summaries summaries,
            BiFunction<BigDecimal, BigDecimal, Number> finish,
            String sql,
            String region) {
        return new Indicator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Number compute(IndicatorScope scope) {
                if (region != null && scope.region() != null) {
                    summaries.current();
                    return jdbc.sql(region.replace("{region}", IndicatorScope.REGION_PATH))
                            .params(scope.params())
                            .query((rs, i) -> finish.apply(
                                    nonNull(rs.getBigDecimal("numerator")), nonNull(rs.getBigDecimal("denominator"))))
                            .optional()
                            .orElseGet(() -> finish.apply(BigDecimal.ZERO, BigDecimal.ZERO));
                }
                BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO};
                rows(scope).values().forEach(r -> {
                    sums[0] = sums[0].add(r[0]);
                    sums[1] = sums[1].add(r[1]);
                });
                return finish.apply(sums[0], sums[1]);
            }

            @Override
            public Map<Long, Number> each(IndicatorScope scope) {
                Map<Long, BigDecimal[]> rows = rows(scope);
                Map<Long, Number> values = new LinkedHashMap<>();
                for (Long id : scope.schoolIds()) {
                    BigDecimal[] r = rows.getOrDefault(id, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    values.put(id, finish.apply(r[0], r[1]));
                }
                return values;
            }

            private Map<Long, BigDecimal[]> rows(IndicatorScope scope) {
                Map<Long, BigDecimal[]> rows = new LinkedHashMap<>();
                if (scope.schoolIds().isEmpty()) {
                    return rows;
                }
                if (summaries != null) {
                    summaries.current();
                }
                jdbc.sql(sql.formatted(scope.schools("school_id")))
                        .params(scope.params())
                        .query((rs, i) -> rows.put(rs.getLong("school_id"), new BigDecimal[] {
                            nonNull(rs.getBigDecimal("numerator")), nonNull(rs.getBigDecimal("denominator"))
                        }))
                        .list();
                return rows;
            }
        };
    }

    /**
     * A live indicator that also answers each school at once, from a statement giving
     * {@code school_id, numerator, denominator} grouped by school (for the comparison and the rank).
     */
    static Indicator eachAtOnce(
            Indicator live, JdbcClient jdbc, BiFunction<BigDecimal, BigDecimal, Number> finish, String grouped) {
        Indicator each = summed(live.name(), jdbc, null, finish, grouped);
        return new Indicator() {
            @Override
            public String name() {
                return live.name();
            }

            @Override
            public Number compute(IndicatorScope scope) {
                return live.compute(scope);
            }

            @Override
            public Map<Long, Number> each(IndicatorScope scope) {
                return each.each(scope);
            }
        };
    }

    private static BigDecimal nonNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
