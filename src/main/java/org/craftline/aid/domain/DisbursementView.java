package org.craftline.aid.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.craftline.shared.BankCards;
import org.craftline.shared.Money;

/**
 * An entry of the aid ledger. A reversal has a negative amount and refers to the entry it reverses
 * ({@code reversesId}), which is then marked {@code reversed}. Leaves the service with the card masked
 * but for an audited reveal.
 */
public record DisbursementView(
        long id,
        long schoolId,
        String studentNumber,
        String studentName,
        String term,
        String kind,
        BigDecimal amount,
        LocalDate paidOn,
        String bankCard,
        String voucherNo,
        String note,
        Long reversesId,
        boolean reversed,
        String createdBy,
        OffsetDateTime createdAt) {

    public DisbursementView {
        amount = Money.of(amount);
    }

    DisbursementView masked() {
        return new DisbursementView(
                id,
                schoolId,
                studentNumber,
                studentName,
                term,
                kind,
                amount,
                paidOn,
                BankCards.mask(bankCard),
                voucherNo,
                note,
                reversesId,
                reversed,
                createdBy,
                createdAt);
    }

    public boolean reversal() {
        return reversesId != null;
    }

    public boolean reversible() {
        return reversesId == null && !reversed;
    }
}
