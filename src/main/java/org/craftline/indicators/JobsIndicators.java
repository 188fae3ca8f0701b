package org.craftline.indicators;

import static org.craftline.indicators.EmploymentIndicators.count;
import static org.craftline.indicators.EmploymentIndicators.ratio;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of the jobs tables (issue 16): postings and places offered within reach of the schools
 * in year Y ({@link PostingReach}), applications per posting, and hires through the school among the
 * directly employed of cohort Y at the follow-up point. The SQL is written out in docs/indicators.md.
 */
@Configuration
class JobsIndicators {

    static final String POSTINGS = "SELECT COUNT(*) FROM " + PostingReach.OF_YEAR;

    static final String PLACES = "SELECT COALESCE(SUM(p.headcount), 0) FROM " + PostingReach.OF_YEAR;

    /** Every application of the schools' students to those postings, withdrawn and declined included. */
    static final String APPLICATIONS_PER_POSTING = """
            SELECT (SELECT COUNT(*) FROM job_application a
                    WHERE %%s AND a.posting_id IN (SELECT p.id FROM %1$s)) AS numerator,
                   (SELECT COUNT(*) FROM %1$s) AS denominator
            """.formatted(PostingReach.OF_YEAR);

    static final String SCHOOL_HIRES = """
            SELECT COUNT(*) FROM destination d
            WHERE %s AND d.graduation_year = :year AND d.follow_up = :point
              AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND d.channel = 'SCHOOL'
            """;

    static final String SCHOOL_HIRE_SHARE = """
            SELECT COUNT(CASE WHEN d.channel = 'SCHOOL' THEN 1 END) AS numerator, COUNT(*) AS denominator
            FROM destination d WHERE %s AND d.graduation_year = :year AND d.follow_up = :point
              AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')
            """;

    @Bean
    Indicator postingsPublished(JdbcClient jdbc) {
        return count("postings_published", jdbc, POSTINGS, PostingReach.COLUMNS);
    }

    @Bean
    Indicator placesOffered(JdbcClient jdbc) {
        return count("places_offered", jdbc, PLACES, PostingReach.COLUMNS);
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator schoolHires(JdbcClient jdbc) {
        return count("school_hires", jdbc, SCHOOL_HIRES, "d.school_id");
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator schoolHireShare(JdbcClient jdbc) {
        return ratio("school_hire_share", jdbc, SCHOOL_HIRE_SHARE, List.of("d.school_id"));
    }

    /** Applications per posting, two decimals: a mean, not a rate between 0 and 1. */
    @Bean
    Indicator applicationsPerPosting(JdbcClient jdbc) {
        List<String> columns = new ArrayList<>(List.of("a.school_id"));
        columns.addAll(PostingReach.COLUMNS);
        columns.addAll(PostingReach.COLUMNS);
        return ratio("applications_per_posting", jdbc, APPLICATIONS_PER_POSTING, columns, IndicatorScope::params, 2);
    }
}
