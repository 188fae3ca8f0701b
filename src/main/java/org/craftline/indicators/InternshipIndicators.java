package org.craftline.indicators;

import static org.craftline.indicators.EmploymentIndicators.count;
import static org.craftline.indicators.EmploymentIndicators.ratio;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The internship indicators of issue 15 (the 2021 national rules). The final-year students of year Y
 * are the graduates of Y and the students still enrolled who entered in Y − 3 (a three-year
 * programme; no programme length is recorded); the placements of Y are those that start in calendar
 * year Y, less those ended early before their start (called off). The effective end of a placement
 * is the day it ended early, else its planned end. The SQL is written out in docs/indicators.md.
 */
@Configuration
class InternshipIndicators {

    /** Not called off: a placement ended early before it started was never held. */
    static final String HELD = "(i.status <> 'ENDED_EARLY' OR i.ended_on IS NULL OR i.ended_on >= i.starts_on)";

    static final String OF_YEAR = "EXTRACT(YEAR FROM i.starts_on) = :year AND " + HELD;

    static final String INTERNSHIP_RATE = """
            SELECT COUNT(CASE WHEN EXISTS (SELECT 1 FROM internship i WHERE i.student_id = s.id AND i.kind = 'POST'
                                             AND %s)
                              THEN 1 END) AS numerator,
                   COUNT(*) AS denominator
            FROM student s WHERE %%s AND ((s.status IN ('GRADUATED', 'COMPLETED') AND s.graduation_year = :year)
                                          OR (s.status = 'ENROLLED' AND s.entry_year = :year - 3))
            """.formatted(HELD);

    static final String INSURED_RATE = """
            SELECT COUNT(CASE WHEN i.insured_from <= i.starts_on AND i.insured_to >= COALESCE(i.ended_on, i.ends_on)
                              THEN 1 END) AS numerator,
                   COUNT(*) AS denominator
            FROM internship i WHERE %%s AND %s
            """.formatted(OF_YEAR);

    static final String AGREEMENT_RATE = """
            SELECT COUNT(CASE WHEN i.agreement_path IS NOT NULL
                               AND (i.agreement_ends_on IS NULL OR i.agreement_ends_on >= COALESCE(i.ended_on, i.ends_on))
                              THEN 1 END) AS numerator,
                   COUNT(*) AS denominator
            FROM internship i WHERE %%s AND %s
            """.formatted(OF_YEAR);

    static final String MATCHED_RATE = """
            SELECT COUNT(CASE WHEN i.matched THEN 1 END) AS numerator, COUNT(*) AS denominator
            FROM internship i WHERE %%s AND i.kind = 'POST' AND %s
            """.formatted(OF_YEAR);

    /**
     * Weeks are numbered from Monday 1 January 1900, so a week's number is its days since then
     * divided by 7; a placement owes a log for every week from its start to today or its effective
     * end, whichever is earlier, and a week counts once however many logs name it.
     */
    static final String LOG_SUBMISSION_RATE = """
            SELECT CAST(COALESCE(SUM(w.submitted), 0) AS BIGINT) AS numerator,
                   CAST(COALESCE(SUM(w.last_week - w.first_week + 1), 0) AS BIGINT) AS denominator
            FROM (SELECT p.first_week, p.last_week,
                         (SELECT COUNT(DISTINCT %1$s) FROM internship_log l
                          WHERE l.internship_id = p.id AND %1$s BETWEEN p.first_week AND p.last_week) AS submitted
                  FROM (SELECT i.id, %2$s AS first_week, %3$s AS last_week
                        FROM internship i WHERE %%s AND %4$s AND i.starts_on <= CAST(:today AS DATE)) p) w
            """.formatted(
                    week("l.week_of"),
                    week("i.starts_on"),
                    week("LEAST(CAST(:today AS DATE), COALESCE(i.ended_on, i.ends_on))"),
                    OF_YEAR);

    static final String PASS_RATE = """
            SELECT COUNT(CASE WHEN e.passed THEN 1 END) AS numerator, COUNT(*) AS denominator
            FROM internship i JOIN internship_evaluation e ON e.internship_id = i.id
            WHERE %%s AND %s AND e.passed IS NOT NULL
            """.formatted(OF_YEAR);

    static final String AT_RISK = """
            SELECT COUNT(*) FROM internship i
            WHERE %s AND i.status IN ('PLANNED', 'IN_PROGRESS')
              AND (i.insured_from > i.starts_on OR i.insured_to < i.ends_on
                   OR i.agreement_path IS NULL OR i.agreement_ends_on < i.ends_on
                   OR (i.minor AND i.consent_path IS NULL))
            """;

    /** The week number of a date; dates subtract differently on H2 and PostgreSQL, timestamps alike. */
    static String week(String date) {
        return "FLOOR(EXTRACT(DAY FROM (CAST(" + date + " AS TIMESTAMP) - TIMESTAMP '1900-01-01 00:00:00')) / 7)";
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator internshipRate(JdbcClient jdbc) {
        return ratio("internship_rate", jdbc, INTERNSHIP_RATE, List.of("s.school_id"));
    }

    @Bean
    Indicator internshipInsuredRate(JdbcClient jdbc) {
        return ratio("internship_insured_rate", jdbc, INSURED_RATE, List.of("i.school_id"));
    }

    @Bean
    Indicator internshipAgreementRate(JdbcClient jdbc) {
        return ratio("internship_agreement_rate", jdbc, AGREEMENT_RATE, List.of("i.school_id"));
    }

    @Bean
    Indicator matchedInternshipRate(JdbcClient jdbc) {
        return ratio("matched_internship_rate", jdbc, MATCHED_RATE, List.of("i.school_id"));
    }

    @Bean
    Indicator logSubmissionRate(JdbcClient jdbc, Clock clock) {
        return ratio("log_submission_rate", jdbc, LOG_SUBMISSION_RATE, List.of("i.school_id"), scope -> {
            Map<String, Object> params = new HashMap<>(scope.params());
            params.put("today", LocalDate.now(clock));
            return params;
        });
    }

    @Bean
    Indicator internshipPassRate(JdbcClient jdbc) {
        return ratio("internship_pass_rate", jdbc, PASS_RATE, List.of("i.school_id"));
    }

    @Bean
    Indicator internshipsAtRisk(JdbcClient jdbc) {
        return count("internships_at_risk", jdbc, AT_RISK, "i.school_id");
    }
}
