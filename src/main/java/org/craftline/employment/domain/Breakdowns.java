package org.craftline.employment.domain;

import java.util.List;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's graduates of a year broken down as the ministry's statistics of secondary vocational
 * graduates ask, per follow-up point, from the confirmed destinations: the directly employed
 * (employed by a unit, self-employed), further study, military service; among the directly
 * employed matched employment, sector, region (本地 / 异地 / 境外), pay band and insurance; among the
 * employed the channel and the contract. One grouped statement over the cohort index.
 */
@Service
public class Breakdowns {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    Breakdowns(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
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
        public PayBand medianPayBand() {
            long[] bands = {payUpTo2000, payTo3000, payTo4000, payTo5000, payTo6000, payOver6000};
            long stated = 0;
            for (long count : bands) {
                stated += count;
            }
            long seen = 0;
            for (int band = 0; band < bands.length; band++) {
                seen += bands[band];
                if (stated > 0 && 2 * seen >= stated) {
                    return PayBand.values()[band];
                }
            }
            return null;
        }
    }

    private static final String DIRECT = "d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')";

    @Transactional(readOnly = true)
    public List<Breakdown> cohort(String schoolCode, int year) {
        Scope scope = tenancy.scope();
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
                        + " FROM destination d JOIN school sc ON sc.id = d.school_id"
                        + " WHERE d.graduation_year = :y AND sc.code = :school AND d.confirmed AND "
                        + scope.sql("d.school_id")
                        + " GROUP BY d.follow_up, d.follow_up_rank ORDER BY d.follow_up_rank")
                .params(scope.params())
                .param("y", year)
                .param("school", schoolCode)
                .query(Breakdown.class)
                .list();
    }

    private static String count(String condition, String alias) {
        return " COUNT(CASE WHEN " + condition + " THEN 1 END) AS " + alias + ",";
    }

    private static String payBands() {
        StringBuilder sql = new StringBuilder();
        PayBand[] bands = PayBand.values();
        for (int i = 0; i < bands.length; i++) {
            sql.append(" COUNT(CASE WHEN ")
                    .append(DIRECT)
                    .append(" AND d.pay_band = '")
                    .append(bands[i].name())
                    .append("' THEN 1 END) AS pay")
                    .append(bands[i].name().toLowerCase(java.util.Locale.ROOT).replace("_", ""))
                    .append(i < bands.length - 1 ? "," : "");
        }
        return sql.toString();
    }
}
