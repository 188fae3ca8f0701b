package org.craftline.development.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * An expenditure on the project's budget line of the given category. One that would take the line
 * over its planned amount is refused unless {@code override} is set with a reason and confirmed a
 * second time ({@code overrideConfirmed}); an override never takes more than the project's total.
 */
public record ExpenditureForm(
        @NotNull LineCategory category,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate spentOn,

        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
        BigDecimal amount,

        @NotBlank @Size(max = 200) String payee,
        @NotBlank @Size(max = 30) String voucherNo,
        @Size(max = 500) String note,
        Boolean override,
        @Size(max = 500) String overrideReason,
        Boolean overrideConfirmed) {

    /** Whether the administrator approves taking the line over its planned amount. */
    public boolean overrides() {
        return Boolean.TRUE.equals(override);
    }

    /** The second confirmation of an override: the administrator has checked the amount again. */
    public boolean confirmsOverride() {
        return Boolean.TRUE.equals(overrideConfirmed);
    }

    public static ExpenditureForm empty(LocalDate today) {
        return new ExpenditureForm(null, today, null, "", "", "", false, "", false);
    }
}
