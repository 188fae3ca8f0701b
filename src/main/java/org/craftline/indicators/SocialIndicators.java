package org.craftline.indicators;

import static org.craftline.indicators.EmploymentIndicators.count;
import static org.craftline.indicators.EmploymentIndicators.ratio;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The social training indicators of product.md, for the cohorts that ended in the endpoint's year:
 * trainees trained (distinct people), the completion rate of enrolments, and the labour transfer
 * rate (completers of rural labour transfer cohorts employed after training). The SQL is written
 * out in docs/indicators.md.
 */
@Configuration
class SocialIndicators {

    static final String TRAINEES_TRAINED = """
            SELECT COUNT(DISTINCT e.trainee_id)
            FROM cohort c JOIN enrolment e ON e.cohort_id = c.id
            WHERE %s AND EXTRACT(YEAR FROM c.ends_on) = :year
            """;

    static final String TRAINING_COMPLETION_RATE = """
            SELECT COUNT(CASE WHEN e.completed THEN 1 END) AS numerator, COUNT(*) AS denominator
            FROM cohort c JOIN enrolment e ON e.cohort_id = c.id
            WHERE %s AND EXTRACT(YEAR FROM c.ends_on) = :year
            """;

    static final String LABOUR_TRANSFER_RATE = """
            SELECT COUNT(DISTINCT CASE WHEN e.completed AND e.employed THEN e.trainee_id END) AS numerator,
                   COUNT(DISTINCT CASE WHEN e.completed THEN e.trainee_id END) AS denominator
            FROM cohort c JOIN programme p ON p.id = c.programme_id JOIN enrolment e ON e.cohort_id = c.id
            WHERE %s AND EXTRACT(YEAR FROM c.ends_on) = :year AND p.kind = 'LABOUR_TRANSFER'
            """;

    @Bean
    Indicator traineesTrained(JdbcClient jdbc) {
        return SummaryIndicators.eachAtOnce(
                count("trainees_trained", jdbc, TRAINEES_TRAINED, "c.school_id"), jdbc, SummaryIndicators.COUNT, """
                SELECT c.school_id, COUNT(DISTINCT e.trainee_id) AS numerator, 0 AS denominator
                FROM cohort c JOIN enrolment e ON e.cohort_id = c.id
                WHERE c.%s AND EXTRACT(YEAR FROM c.ends_on) = :year GROUP BY c.school_id
                """);
    }

    @Bean
    Indicator trainingCompletionRate(JdbcClient jdbc) {
        return ratio("training_completion_rate", jdbc, TRAINING_COMPLETION_RATE, List.of("c.school_id"));
    }

    @Bean
    Indicator labourTransferRate(JdbcClient jdbc) {
        return ratio("labour_transfer_rate", jdbc, LABOUR_TRANSFER_RATE, List.of("c.school_id"));
    }
}
