package org.craftline.reports.dashboard;

import java.util.List;
import org.craftline.indicators.IndicatorScope;
import org.craftline.indicators.PostingReach;
import org.craftline.indicators.Summaries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The breakdowns of the jobs tables behind the dashboard's charts, over the postings of the scope's
 * year within reach of its schools ({@link PostingReach}, the postings of postings_published).
 */
@Component
class JobsSeries {

    private final JdbcClient jdbc;
    private final Summaries summaries;

    JobsSeries(JdbcClient jdbc, Summaries summaries) {
        this.jdbc = jdbc;
        this.summaries = summaries;
    }

    record Offered(String label, long postings, long places) {}

    /** A major: the places postings of the year want from it, and the graduates it had that year. */
    record Demand(String code, String name, String nameEn, long wanted, long graduates) {}

    /** Postings and places by unit, most places first. */
    List<Offered> byUnit(IndicatorScope scope) {
        return offered("e.name", scope);
    }

    /** By the posting's town, else its unit's ('' where neither is recorded), most places first. */
    List<Offered> byTown(IndicatorScope scope) {
        return offered("COALESCE(p.town, e.town, '')", scope);
    }

    private List<Offered> offered(String label, IndicatorScope scope) {
        return jdbc.sql("""
                        SELECT %1$s AS label, COUNT(*) AS postings, SUM(p.headcount) AS places
                        FROM %2$s
                        GROUP BY %1$s ORDER BY places DESC, label
                        """.formatted(label, PostingReach.of(scope)))
                .params(scope.params())
                .query(Offered.class)
                .list();
    }

    /**
     * The cluster's demand against supply: the places of the year's job postings by the majors they
     * want (a posting open to two majors counts its headcount for each), and the year's graduates by
     * major; every major that has either.
     */
    List<Demand> demandAndSupply(IndicatorScope scope) {
        summaries.current();
        return jdbc.sql("""
                        SELECT m.code, m.name, m.name_en, SUM(x.wanted) AS wanted, SUM(x.graduates) AS graduates
                        FROM (SELECT pm.major_id, j.headcount AS wanted, 0 AS graduates
                              FROM posting_major pm JOIN posting j ON j.id = pm.posting_id
                              WHERE j.kind = 'JOB' AND j.id IN (SELECT p.id FROM %s)
                              UNION ALL
                              SELECT major_id, 0, graduates FROM %s AND graduation_year = :year) x
                        JOIN major m ON m.id = x.major_id
                        GROUP BY m.code, m.name, m.name_en ORDER BY m.code
                        """.formatted(PostingReach.of(scope), DashboardSeries.rows("cohort", scope)))
                .params(scope.params())
                .query(Demand.class)
                .list();
    }
}
