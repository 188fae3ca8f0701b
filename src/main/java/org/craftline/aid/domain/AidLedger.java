package org.craftline.aid.domain;

import java.math.BigDecimal;
import org.craftline.shared.Money;
import org.craftline.shared.Term;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger's limits as SQL, shared by the API's checks and the two imports: the net paid of a kind
 * for a student and term, the grant's ceiling of a tier, and the lock on the decisions an import
 * touches (the same lock a payment takes, so a check and the write it allows see one ledger).
 */
final class AidLedger {

    private AidLedger() {}

    /** The net amount (entries less reversals) of the kind paid to the student in the term; 0 when none. */
    static String net(String studentId, String term, String kind) {
        return "COALESCE((SELECT SUM(p.amount) FROM aid_disbursement p WHERE p.student_id = " + studentId
                + " AND p.term = " + term + " AND p.kind = " + kind + "), 0)";
    }

    /** The net amount of the kind paid to the student in the term, in yuan. */
    static BigDecimal netPaid(JdbcClient jdbc, long studentId, Term term, AidKind kind) {
        return Money.of(jdbc.sql("SELECT SUM(amount) FROM aid_disbursement WHERE student_id = :s AND term = :t"
                        + " AND kind = :k")
                .param("s", studentId)
                .param("t", term.toString())
                .param("k", kind.name())
                .query(BigDecimal.class)
                .optional()
                .orElse(null));
    }

    /** The half-year amount of the tier in the column; 0 for none. */
    static String ceiling(String tierColumn) {
        StringBuilder sql = new StringBuilder("CASE ").append(tierColumn);
        for (GrantTier tier : GrantTier.values()) {
            sql.append(" WHEN '")
                    .append(tier.name())
                    .append("' THEN ")
                    .append(tier.perTerm().toPlainString());
        }
        return sql.append(" ELSE 0 END").toString();
    }

    /**
     * Locks, in id order, the decisions of the students and terms an import staged, as a payment
     * locks its one decision.
     */
    static void lockDecisions(JdbcClient jdbc, String stagingTable, String importKey) {
        jdbc.sql("SELECT a.id FROM aid_decision a WHERE EXISTS (SELECT 1 FROM " + stagingTable + " i JOIN "
                        + AidRecipientsImport.STUDENT + " WHERE i.import_key = :k AND s.id = a.student_id"
                        + " AND i.term = a.term) ORDER BY a.id FOR UPDATE")
                .param("k", importKey)
                .query(Long.class)
                .list();
    }
}
