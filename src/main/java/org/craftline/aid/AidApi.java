package org.craftline.aid;

import java.math.BigDecimal;
import java.util.List;
import org.craftline.shared.Money;
import org.craftline.shared.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about aid: what a school disbursed in a school year, net of reversals. */
@Service
public class AidApi {

    private final JdbcClient jdbc;

    AidApi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Recipients (students whose net amount of the kind is positive) and net yuan of a kind.
     *
     * @param kind {@code WAIVER} or {@code GRANT}
     */
    public record KindTotal(String kind, long recipients, BigDecimal yuan) {

        public KindTotal {
            yuan = Money.of(yuan);
        }
    }

    /**
     * The waiver and the grant of a school in both terms of the school year starting in {@code startYear}
     * (2025 for 2025-2026), from the ledger; each kind is answered, with zeros when nothing was paid. The
     * caller has checked that the user may read the school.
     */
    @Transactional(readOnly = true)
    public List<KindTotal> schoolYear(long schoolId, int startYear) {
        var totals = jdbc.sql("""
                        SELECT t.kind, SUM(CASE WHEN t.net > 0 THEN 1 ELSE 0 END) AS recipients, SUM(t.net) AS yuan
                        FROM (SELECT kind, student_id, SUM(amount) AS net FROM aid_disbursement
                              WHERE school_id = :s AND term IN (:autumn, :spring) GROUP BY kind, student_id) t
                        GROUP BY t.kind
                        """)
                .param("s", schoolId)
                .param("autumn", new Term(startYear, 1).toString())
                .param("spring", new Term(startYear, 2).toString())
                .query(KindTotal.class)
                .list();
        return List.of("WAIVER", "GRANT").stream()
                .map(kind -> totals.stream()
                        .filter(t -> t.kind().equals(kind))
                        .findFirst()
                        .orElse(new KindTotal(kind, 0, null)))
                .toList();
    }
}
