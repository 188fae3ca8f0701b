package org.craftline.aid.domain;

import java.math.BigDecimal;
import org.craftline.shared.Money;

/** A school's aid in a term, net of reversals: recipients (net amount positive) and yuan of each kind. */
public record RollUpRow(
        String schoolCode,
        String schoolName,
        String term,
        long waiverRecipients,
        BigDecimal waiverYuan,
        long grantRecipients,
        BigDecimal grantYuan) {

    public RollUpRow {
        waiverYuan = Money.of(waiverYuan);
        grantYuan = Money.of(grantYuan);
    }
}
