package org.craftline.indicators;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The graduates of a year of a school, group or region (an {@link IndicatorScope} resolved by
 * {@link Indicators#resolve}, so the caller's right to read them is checked) broken down as the
 * ministry's statistics of secondary vocational graduates ask, per follow-up point, from the
 * confirmed destinations: the directly employed (employed by a unit, self-employed), further study,
 * military service; among the directly employed matched employment, sector, region (本地 / 异地 /
 * 境外), pay band and insurance; among the employed the channel and the contract. One grouped
 * statement over the cohort index; it reads the records (the summaries do not carry these counts
 * yet), which a school answers at once and a province does not.
 */
@Service
public class EmploymentBreakdowns {

    /** The pay bands in order: the values of the employment module's {@code PayBand}. */
    public static final List<String> PAY_BANDS =
            List.of("UP_TO_2000", "TO_3000", "TO_4000", "TO_5000", "TO_6000", "OVER_6000");

    private final JdbcClient jdbc;

    EmploymentBreakdowns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One follow-up point's counts; a term not stated is counted in none of its values. */
    public record Breakdown(
            String followUp,
            long recorded,
            long employed,
            long selfEmployed,
            long furtherStudy,
            long military,
            long matched,
            long channelSchool,
            long channelAgency,
            long channelOther,
            long sectorPrimary,
            long sectorSecondary,
            long sectorTertiary,
            long regionLocal,
            long regionElsewhere,
            long regionAbroad,
            long contractYes,
            long contractNo,
            long insuredYes,
            long insuredNo,
            long payUpTo2000,
            long payTo3000,
            long payTo4000,
            long payTo5000,
            long payTo6000,
            long payOver6000) {

        public long directlyEmployed() {
            return employed + selfEmployed;
        }

        /** The band of the middle answer among those who stated their pay; null when none did. */
        public String medianPayBand() {
            long[] bands = {payUpTo2000, payTo3000, payTo4000, payTo5000, payTo6000, payOver6000};
            long stated = 0;
            for (long count : bands) {
                stated += count;
            }
            long seen = 0;
            for (int band = 0; band < bands.length; band++) {
                seen += bands[band];
                if (stated > 0 && 2 * seen >= stated) {
                    return PAY_BANDS.get(band);
                }
            }
            return null;
        }
    }

    /** A point's counts with the figures derived from them, as the API answers them. */
    public record View(Breakdown counts, long directlyEmployed, String medianPayBand) {
        public static View of(Breakdown b) {
            return new View(b, b.directlyEmployed(), b.medianPayBand());
        }
    }

    private static final String DIRECT = "d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')";

    /** Every follow-up point of the scope's year, in order (the scope's point is not used). */
    @Transactional(readOnly = true)
    public List<Breakdown> byPoint(IndicatorScope scope) {
        return jdbc.sql("SELECT d.follow_up, COUNT(*) AS recorded,"
                        + count("d.kind = 'EMPLOYED'", "employed")
                        + count("d.kind = 'SELF_EMPLOYED'", "self_employed")
                        + count("d.kind = 'FURTHER_STUDY'", "further_study")
                        + count("d.kind = 'MILITARY'", "military")
                        + count(DIRECT + " AND d.matched", "matched")
                        + count("d.kind = 'EMPLOYED' AND d.channel = 'SCHOOL'", "channel_school")
                        + count("d.kind = 'EMPLOYED' AND d.channel = 'AGENCY'", "channel_agency")
                        + count("d.kind = 'EMPLOYED' AND d.channel = 'OTHER'", "channel_other")
                        + count(DIRECT + " AND d.sector = 'PRIMARY'", "sector_primary")
                        + count(DIRECT + " AND d.sector = 'SECONDARY'", "sector_secondary")
                        + count(DIRECT + " AND d.sector = 'TERTIARY'", "sector_tertiary")
                        + count(DIRECT + " AND d.local_job", "region_local")
                        + count(DIRECT + " AND NOT d.local_job AND NOT d.abroad", "region_elsewhere")
                        + count(DIRECT + " AND d.abroad", "region_abroad")
                        + count("d.kind = 'EMPLOYED' AND d.contract", "contract_yes")
                        + count("d.kind = 'EMPLOYED' AND NOT d.contract", "contract_no")
                        + count(DIRECT + " AND d.insured", "insured_yes")
                        + count(DIRECT + " AND NOT d.insured", "insured_no")
                        + payBands()
                        + " FROM destination d WHERE " + scope.schools("d.school_id")
                        + " AND d.graduation_year = :year AND d.confirmed"
                        + " GROUP BY d.follow_up, d.follow_up_rank ORDER BY d.follow_up_rank")
                .params(scope.params())
                .query(Breakdown.class)
                .list();
    }

    /**
     * The follow-up rounds of a point for the scope's year (one per school): the graduates asked, those
     * who answered through their links, and the answers' mean satisfaction (1 to 5; null with none).
     */
    public record Response(String followUp, long asked, long answered, Double satisfaction) {
        /** Answered of asked; null when nobody was asked. */
        public Double rate() {
            return asked == 0 ? null : (double) answered / asked;
        }
    }

    /** The rounds' response per follow-up point of the scope's year, in the points' order. */
    @Transactional(readOnly = true)
    public List<Response> responses(IndicatorScope scope) {
        return jdbc.sql("SELECT r.follow_up, COUNT(q.id) AS asked, COUNT(q.answered_at) AS answered,"
                        + " AVG(CAST(q.satisfaction AS DOUBLE PRECISION)) AS satisfaction"
                        + " FROM follow_up_round r JOIN follow_up_request q ON q.round_id = r.id"
                        + " WHERE " + scope.schools("r.school_id") + " AND r.graduation_year = :year"
                        + " GROUP BY r.follow_up ORDER BY MIN(CASE r.follow_up WHEN 'MONTHS_6' THEN 1"
                        + " WHEN 'YEAR_1' THEN 2 ELSE 3 END)")
                .params(scope.params())
                .query(Response.class)
                .list();
    }

    /** The employer survey of the scope's year: units asked and answered, their mean ratings and would-hire-again count. */
    public record EmployerRatings(long units, long answered, Double skills, Double attitude, long hireAgain) {
        /** Answered of asked; null when no unit was asked. */
        public Double rate() {
            return units == 0 ? null : (double) answered / units;
        }

        /** Would hire again, of the units that answered; null when none did. */
        public Double hireAgainRate() {
            return answered == 0 ? null : (double) hireAgain / answered;
        }
    }

    /** The employer surveys of the scope's schools for its year, together (one per school and year). */
    @Transactional(readOnly = true)
    public EmployerRatings employers(IndicatorScope scope) {
        return jdbc.sql("SELECT COUNT(g.id) AS units, COUNT(g.answered_at) AS answered,"
                        + " AVG(CAST(g.skills AS DOUBLE PRECISION)) AS skills,"
                        + " AVG(CAST(g.attitude AS DOUBLE PRECISION)) AS attitude,"
                        + " COUNT(CASE WHEN g.hire_again THEN 1 END) AS hire_again"
                        + " FROM employer_survey v JOIN employer_rating g ON g.survey_id = v.id"
                        + " WHERE " + scope.schools("v.school_id") + " AND v.graduation_year = :year")
                .params(scope.params())
                .query(EmployerRatings.class)
                .single();
    }

    private static String count(String condition, String alias) {
        return " COUNT(CASE WHEN " + condition + " THEN 1 END) AS " + alias + ",";
    }

    private static String payBands() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < PAY_BANDS.size(); i++) {
            String band = PAY_BANDS.get(i);
            sql.append(" COUNT(CASE WHEN ")
                    .append(DIRECT)
                    .append(" AND d.pay_band = '")
                    .append(band)
                    .append("' THEN 1 END) AS pay")
                    .append(band.toLowerCase(java.util.Locale.ROOT).replace("_", ""))
                    .append(i < PAY_BANDS.size() - 1 ? "," : "");
        }
        return sql.toString();
    }
}
