package org.craftline.indicators;

import static org.craftline.indicators.EmploymentIndicators.count;
import static org.craftline.indicators.EmploymentIndicators.ratio;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The craft talent indicators of product.md. A graduate is counted once, at the highest of: a
 * national master honour (3), a provincial or municipal one (2), the senior arts-and-crafts title or
 * the skill level the school designates (1). Only valid certificates count. The dual-qualified share
 * divides by 专任教师, full-time teachers (not administrative, support or service staff, nor part-time
 * teachers). The SQL is written out in docs/indicators.md.
 */
final class TalentIndicators {

    private TalentIndicators() {}

    static final String HIGHEST_LEVEL = """
            SELECT COUNT(*) FROM (
              SELECT h.student_id, MAX(h.lvl) AS top FROM (
                SELECT c.student_id, CASE WHEN c.grade = 'NATIONAL' THEN 3 ELSE 2 END AS lvl FROM certificate c
                WHERE %1$s AND c.kind = 'MASTER' AND c.status = 'VALID'
                UNION ALL
                SELECT c.student_id, 1 FROM certificate c
                WHERE %1$s AND c.kind = 'TITLE' AND c.grade_rank >= 4 AND c.status = 'VALID'
                UNION ALL
                SELECT c.student_id, 1 FROM certificate c JOIN talent_setting ts ON ts.school_id = c.school_id
                WHERE %1$s AND c.kind = 'SKILL' AND c.grade_rank >= ts.senior_skill_rank AND c.status = 'VALID') h
              JOIN student s ON s.id = h.student_id
              WHERE s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL
              GROUP BY h.student_id) t
            WHERE t.top = %d
            """;

    static final String CERTIFICATE_RATE = """
            SELECT COUNT(CASE WHEN EXISTS (SELECT 1 FROM certificate c WHERE c.student_id = s.id
                                             AND c.kind IN ('SKILL', 'ONE_PLUS_X') AND c.status = 'VALID')
                              THEN 1 END) AS numerator,
                   COUNT(*) AS denominator
            FROM student s WHERE %s AND s.status = 'GRADUATED' AND s.graduation_year = :year
            """;

    static final String DUAL_QUALIFIED_SHARE = """
            SELECT COUNT(CASE WHEN t.dual_qualified THEN 1 END) AS numerator, COUNT(*) AS denominator
            FROM staff t WHERE %s AND t.category = 'TEACHER' AND t.full_time = TRUE
            """;

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator mastersNational(JdbcClient jdbc) {
        return count("masters_national", jdbc, HIGHEST_LEVEL.replace("%d", "3"), "c.school_id");
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator mastersProvincialMunicipal(JdbcClient jdbc) {
        return count("masters_provincial_municipal", jdbc, HIGHEST_LEVEL.replace("%d", "2"), "c.school_id");
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator seniorCraftsmen(JdbcClient jdbc) {
        return count("senior_craftsmen", jdbc, HIGHEST_LEVEL.replace("%d", "1"), "c.school_id");
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator certificateRate(JdbcClient jdbc) {
        return ratio("certificate_rate", jdbc, CERTIFICATE_RATE, List.of("s.school_id"));
    }

    /** The live definition, over the records (the bean reads the summaries: SummaryIndicators). */
    static Indicator dualQualifiedTeacherShare(JdbcClient jdbc) {
        return ratio("dual_qualified_teacher_share", jdbc, DUAL_QUALIFIED_SHARE, List.of("t.school_id"));
    }
}
