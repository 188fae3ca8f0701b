package org.craftline.indicators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * statement over the cohort index for one school; several schools add up their summaries, and a
 * whole region reads its own sums ({@link Summaries}), so a province is a few rows, not millions.
 */
@Service
public class EmploymentBreakdowns {

    /** The pay bands in order: the values of the employment module's {@code PayBand}. */
    public static final List<String> PAY_BANDS =
            List.of("UP_TO_2000", "TO_3000", "TO_4000", "TO_5000", "TO_6000", "OVER_6000");

    private final JdbcClient jdbc;
    private final Summaries summaries;

    EmploymentBreakdowns(JdbcClient jdbc, Summaries summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
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

    /**
     * The counts of a breakdown after {@code recorded}, each the column of {@link Breakdown} it fills and
     * its condition over a confirmed destination {@code d}: one definition, for the records and the
     * summary ({@link #SUMMARY}).
     */
    static final Map<String, String> COUNTS = counts();

    private static Map<String, String> counts() {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("employed", "d.kind = 'EMPLOYED'");
        counts.put("self_employed", "d.kind = 'SELF_EMPLOYED'");
        counts.put("further_study", "d.kind = 'FURTHER_STUDY'");
        counts.put("military", "d.kind = 'MILITARY'");
        counts.put("matched", DIRECT + " AND d.matched");
        counts.put("channel_school", "d.kind = 'EMPLOYED' AND d.channel = 'SCHOOL'");
        counts.put("channel_agency", "d.kind = 'EMPLOYED' AND d.channel = 'AGENCY'");
        counts.put("channel_other", "d.kind = 'EMPLOYED' AND d.channel = 'OTHER'");
        counts.put("sector_primary", DIRECT + " AND d.sector = 'PRIMARY'");
        counts.put("sector_secondary", DIRECT + " AND d.sector = 'SECONDARY'");
        counts.put("sector_tertiary", DIRECT + " AND d.sector = 'TERTIARY'");
        counts.put("region_local", DIRECT + " AND d.local_job");
        counts.put("region_elsewhere", DIRECT + " AND NOT d.local_job AND NOT d.abroad");
        counts.put("region_abroad", DIRECT + " AND d.abroad");
        counts.put("contract_yes", "d.kind = 'EMPLOYED' AND d.contract");
        counts.put("contract_no", "d.kind = 'EMPLOYED' AND NOT d.contract");
        counts.put("insured_yes", DIRECT + " AND d.insured");
        counts.put("insured_no", DIRECT + " AND NOT d.insured");
        for (String band : PAY_BANDS) {
            counts.put(
                    "pay" + band.toLowerCase(Locale.ROOT).replace("_", ""),
                    DIRECT + " AND d.pay_band = '" + band + "'");
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** The columns of the counts: {@code recorded} and those of {@link #COUNTS}. */
    static final List<String> COLUMNS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of("recorded"), COUNTS.keySet().stream())
            .toList();

    /** The counts over the confirmed destinations {@code d}, as the select list's tail. */
    static String countsOf() {
        StringBuilder sql = new StringBuilder("COUNT(*) AS recorded");
        COUNTS.forEach((column, condition) -> sql.append(", COUNT(CASE WHEN ")
                .append(condition)
                .append(" THEN 1 END) AS ")
                .append(column));
        return sql.toString();
    }

    /**
     * The summary {@code summary_breakdown} (migration V84): per school, graduation year and follow-up
     * point, the counts of {@link #COUNTS} ({@code %s}: the school condition of {@link Summaries}).
     */
    static final String SUMMARY = "SELECT d.school_id, d.graduation_year, d.follow_up, d.follow_up_rank, " + countsOf()
            + " FROM destination d WHERE d.school_id %s AND d.confirmed"
            + " GROUP BY d.school_id, d.graduation_year, d.follow_up, d.follow_up_rank";

    /**
     * Every follow-up point of the scope's year, in order (the scope's point is not used): one school
     * from its records, several from their summaries added up, a whole region from its own sums.
     */
    @Transactional(readOnly = true)
    public List<Breakdown> byPoint(IndicatorScope scope) {
        if (scope.region() == null && scope.schoolIds().size() <= 1) {
            return live(scope);
        }
        summaries.current();
        String sums = COLUMNS.stream()
                .map(c -> "CAST(SUM(" + c + ") AS BIGINT) AS " + c)
                .collect(java.util.stream.Collectors.joining(", "));
        return jdbc.sql("SELECT follow_up, " + sums + " FROM "
                        + (scope.region() != null
                                ? "summary_region_breakdown WHERE region_path = " + IndicatorScope.REGION_PATH
                                : "summary_breakdown WHERE " + scope.schools("school_id"))
                        + " AND graduation_year = :year GROUP BY follow_up, follow_up_rank ORDER BY follow_up_rank")
                .params(scope.params())
                .query(Breakdown.class)
                .list();
    }

    /** {@link #byPoint} from the records, whatever the scope: its definition. */
    @Transactional(readOnly = true)
    public List<Breakdown> live(IndicatorScope scope) {
        return jdbc.sql("SELECT d.follow_up, " + countsOf() + " FROM destination d WHERE "
                        + scope.schools("d.school_id")
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

    /** The points in order, for a statement grouped by {@code follow_up}. */
    private static final String POINT_ORDER =
            " ORDER BY MIN(CASE follow_up WHEN 'MONTHS_6' THEN 1 WHEN 'YEAR_1' THEN 2 ELSE 3 END)";

    /**
     * The summary {@code summary_response} (V84): per school, graduation year and point, the graduates
     * asked, those who answered, and the sum and number of the satisfactions given.
     */
    static final String SUMMARY_RESPONSES = """
            SELECT r.school_id, r.graduation_year, r.follow_up, COUNT(q.id) AS asked, COUNT(q.answered_at) AS answered,
                   COALESCE(SUM(q.satisfaction), 0) AS satisfaction_sum, COUNT(q.satisfaction) AS satisfied
            FROM follow_up_round r JOIN follow_up_request q ON q.round_id = r.id
            WHERE r.school_id %s
            GROUP BY r.school_id, r.graduation_year, r.follow_up
            """;

    /** The rounds' response per follow-up point of the scope's year, in the points' order (read as {@link #byPoint}). */
    @Transactional(readOnly = true)
    public List<Response> responses(IndicatorScope scope) {
        if (scope.region() == null && scope.schoolIds().size() <= 1) {
            return liveResponses(scope);
        }
        summaries.current();
        return jdbc.sql("SELECT follow_up, SUM(asked) AS asked, SUM(answered) AS answered,"
                        + " SUM(satisfaction_sum) AS satisfaction_sum, SUM(satisfied) AS satisfied FROM "
                        + (scope.region() != null
                                ? "summary_region_response WHERE region_path = " + IndicatorScope.REGION_PATH
                                : "summary_response WHERE " + scope.schools("school_id"))
                        + " AND graduation_year = :year GROUP BY follow_up" + POINT_ORDER)
                .params(scope.params())
                .query((rs, i) -> new Response(
                        rs.getString("follow_up"),
                        rs.getLong("asked"),
                        rs.getLong("answered"),
                        mean(rs.getLong("satisfaction_sum"), rs.getLong("satisfied"))))
                .list();
    }

    /** {@link #responses} from the records, whatever the scope: its definition. */
    @Transactional(readOnly = true)
    public List<Response> liveResponses(IndicatorScope scope) {
        return jdbc.sql("SELECT follow_up, COUNT(q.id) AS asked, COUNT(q.answered_at) AS answered,"
                        + " AVG(CAST(q.satisfaction AS DOUBLE PRECISION)) AS satisfaction"
                        + " FROM follow_up_round r JOIN follow_up_request q ON q.round_id = r.id"
                        + " WHERE " + scope.schools("r.school_id") + " AND r.graduation_year = :year"
                        + " GROUP BY follow_up" + POINT_ORDER)
                .params(scope.params())
                .query(Response.class)
                .list();
    }

    /** A mean from its sum and number (a sum of small integers, exact in a double); null of none. */
    private static Double mean(long sum, long n) {
        return n == 0 ? null : (double) sum / n;
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

    /**
     * The summary {@code summary_employer_rating} (V84): per school and graduation year, the units
     * asked and answered, the sums and numbers of their ratings, and those that would hire again.
     */
    static final String SUMMARY_EMPLOYERS = """
            SELECT v.school_id, v.graduation_year, COUNT(g.id) AS units, COUNT(g.answered_at) AS answered,
                   COALESCE(SUM(g.skills), 0) AS skills_sum, COUNT(g.skills) AS skills_n,
                   COALESCE(SUM(g.attitude), 0) AS attitude_sum, COUNT(g.attitude) AS attitude_n,
                   COUNT(CASE WHEN g.hire_again THEN 1 END) AS hire_again
            FROM employer_survey v JOIN employer_rating g ON g.survey_id = v.id
            WHERE v.school_id %s
            GROUP BY v.school_id, v.graduation_year
            """;

    /** The employer surveys of the scope's schools for its year, together (one per school and year; read as {@link #byPoint}). */
    @Transactional(readOnly = true)
    public EmployerRatings employers(IndicatorScope scope) {
        if (scope.region() == null && scope.schoolIds().size() <= 1) {
            return liveEmployers(scope);
        }
        summaries.current();
        return jdbc.sql("SELECT COALESCE(SUM(units), 0) AS units, COALESCE(SUM(answered), 0) AS answered,"
                        + " COALESCE(SUM(skills_sum), 0) AS skills_sum, COALESCE(SUM(skills_n), 0) AS skills_n,"
                        + " COALESCE(SUM(attitude_sum), 0) AS attitude_sum, COALESCE(SUM(attitude_n), 0) AS attitude_n,"
                        + " COALESCE(SUM(hire_again), 0) AS hire_again FROM "
                        + (scope.region() != null
                                ? "summary_region_employer_rating WHERE region_path = " + IndicatorScope.REGION_PATH
                                : "summary_employer_rating WHERE " + scope.schools("school_id"))
                        + " AND graduation_year = :year")
                .params(scope.params())
                .query((rs, i) -> new EmployerRatings(
                        rs.getLong("units"),
                        rs.getLong("answered"),
                        mean(rs.getLong("skills_sum"), rs.getLong("skills_n")),
                        mean(rs.getLong("attitude_sum"), rs.getLong("attitude_n")),
                        rs.getLong("hire_again")))
                .single();
    }

    /** {@link #employers} from the records, whatever the scope: its definition. */
    @Transactional(readOnly = true)
    public EmployerRatings liveEmployers(IndicatorScope scope) {
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
}
