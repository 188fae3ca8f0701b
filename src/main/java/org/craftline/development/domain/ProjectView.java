package org.craftline.development.domain;

import java.math.BigDecimal;
import org.craftline.shared.Money;

/** A funded project with what its lines plan and what has been spent on it (net of reversals), in yuan. */
public record ProjectView(
        long id,
        String schoolCode,
        String schoolName,
        String name,
        String fundingSource,
        String level,
        int awardYear,
        BigDecimal amountAwarded,
        String status,
        String note,
        BigDecimal planned,
        BigDecimal spent,
        int version) {

    public ProjectView {
        amountAwarded = Money.of(amountAwarded);
        planned = Money.of(planned);
        spent = Money.of(spent);
    }
}
