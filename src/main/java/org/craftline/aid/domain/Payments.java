package org.craftline.aid.domain;

import java.math.BigDecimal;
import org.craftline.shared.BankCards;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Money;
import org.craftline.shared.Term;
import org.craftline.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an entry of the ledger must satisfy: the school decided that aid for the student and term; a
 * grant goes to a valid bank card and never takes the term's net payments past the tier's half-year
 * amount; a waiver is entered once a term (none while the term's net waiver is positive); the voucher
 * number is not in the school's ledger yet.
 */
@Component
class Payments {

    /** An entry's checked values. */
    record Valid(Term term, BigDecimal amount, String bankCard, String voucherNo) {}

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Valid check(AidStudents.StudentRef student, DisbursementForm form) {
        Term term = Term.parse(form.term());
        BigDecimal amount = Money.of(form.amount());
        String card = BankCards.normalise(form.bankCard());
        if (!card.isEmpty() || form.kind() == AidKind.GRANT) {
            BankCards.problem(card).ifPresent(key -> {
                throw new InvalidFieldException("bankCard", key);
            });
        }
        String voucher = Text.normalise(form.voucherNo());
        checkDecided(student, term, form.kind(), amount);
        checkVoucher(student.schoolId(), voucher);
        return new Valid(term, amount, card.isEmpty() ? null : card, voucher);
    }

    private void checkDecided(AidStudents.StudentRef student, Term term, AidKind kind, BigDecimal amount) {
        // the decision's row is locked: two payments of one grant cannot both pass the tier's ceiling
        Object[] decision = jdbc.sql("SELECT waiver, grant_tier FROM aid_decision WHERE student_id = :s AND term = :t"
                        + " FOR UPDATE")
                .param("s", student.id())
                .param("t", term.toString())
                .query((rs, i) -> new Object[] {rs.getBoolean(1), rs.getString(2)})
                .optional()
                .orElse(new Object[] {false, null});
        if (kind == AidKind.WAIVER && !(Boolean) decision[0] || kind == AidKind.GRANT && decision[1] == null) {
            throw new InvalidFieldException("kind", "aid.disbursement.undecided");
        }
        if (kind == AidKind.WAIVER && paid(student.id(), term, kind).signum() > 0) {
            // the tuition is waived once a term: a second waiver waits for the first one's reversal
            throw new InvalidFieldException("kind", "aid.disbursement.waiverPaid");
        }
        if (kind == AidKind.GRANT) {
            BigDecimal ceiling = GrantTier.valueOf((String) decision[1]).perTerm();
            if (paid(student.id(), term, kind).add(amount).compareTo(ceiling) > 0) {
                throw new InvalidFieldException("amount", "aid.disbursement.overTier");
            }
        }
    }

    private BigDecimal paid(long studentId, Term term, AidKind kind) {
        return AidLedger.netPaid(jdbc, studentId, term, kind);
    }

    private void checkVoucher(long schoolId, String voucher) {
        if (jdbc.sql("SELECT COUNT(*) FROM aid_disbursement WHERE school_id = :s AND voucher_no = :v")
                        .param("s", schoolId)
                        .param("v", voucher)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException("aid.disbursement.voucher.duplicate", "voucherNo", voucher);
        }
    }
}
