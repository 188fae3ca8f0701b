package org.craftline.indicators;

import static org.craftline.indicators.EmploymentIndicators.ratio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The practical-training indicators: the rate of a term, and equipment value per current student. */
final class TrainingIndicators {

    private TrainingIndicators() {}

    static final String PRACTICAL_TRAINING_RATE = """
            SELECT COUNT(CASE WHEN EXISTS (SELECT 1 FROM training_session t
                                           WHERE t.item_id = r.item_id AND t.term = r.term) THEN 1 END) AS numerator,
                   COUNT(*) AS denominator
            FROM practical_requirement r WHERE %s AND r.term = :term
            """;

    static final String EQUIPMENT_VALUE_PER_STUDENT = """
            SELECT (SELECT COALESCE(SUM(w.equipment_value), 0) FROM workshop w WHERE %s) AS equipment,
                   (SELECT COUNT(*) FROM student s WHERE %s AND s.status = 'ENROLLED') AS students
            """;

    /**
     * The rate of the scope's term over the records: its live definition (the bean reads the
     * summaries: SummaryIndicators).
     */
    static Indicator practicalTrainingRate(JdbcClient jdbc) {
        return ratio("practical_training_rate", jdbc, PRACTICAL_TRAINING_RATE, List.of("r.school_id"));
    }

    /**
     * Yuan per enrolled student, two places; null without students. The live definition, over the
     * records (the bean reads the summaries: SummaryIndicators).
     */
    static Indicator equipmentValuePerStudent(JdbcClient jdbc) {
        return new Indicator() {
            @Override
            public String name() {
                return "equipment_value_per_student";
            }

            @Override
            public Number compute(IndicatorScope scope) {
                Object[] sums = jdbc.sql(EQUIPMENT_VALUE_PER_STUDENT.formatted(
                                scope.schools("w.school_id"), scope.schools("s.school_id")))
                        .params(scope.params())
                        .query((rs, i) -> new Object[] {rs.getBigDecimal("equipment"), rs.getLong("students")})
                        .single();
                return perStudent((BigDecimal) sums[0], (Long) sums[1]);
            }
        };
    }

    static BigDecimal perStudent(BigDecimal equipment, long students) {
        return students == 0 ? null : equipment.divide(BigDecimal.valueOf(students), 2, RoundingMode.HALF_UP);
    }
}
