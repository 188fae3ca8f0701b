package org.craftline.development.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.craftline.shared.Money;

/**
 * An entry of a project's ledger. A reversal entry has a negative amount and refers to the entry it
 * reverses ({@code reversesId}), which is then marked {@code reversed}.
 */
public record ExpenditureView(
        long id,
        long projectId,
        String category,
        LocalDate spentOn,
        BigDecimal amount,
        String payee,
        String voucherNo,
        String note,
        Long reversesId,
        boolean reversed,
        String overrideReason,
        String createdBy,
        OffsetDateTime createdAt) {

    public ExpenditureView {
        amount = Money.of(amount);
    }

    public boolean reversal() {
        return reversesId != null;
    }

    public boolean reversible() {
        return reversesId == null && !reversed;
    }
}
