package org.craftline.development.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A budget line of a project: one per category, with its planned amount and the capacity-building flag. */
public record BudgetLineForm(
        @NotNull LineCategory category,
        @Size(max = 200) String description,

        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        BigDecimal plannedAmount,

        boolean capacityBuilding) {

    public static BudgetLineForm empty() {
        return new BudgetLineForm(LineCategory.EQUIPMENT, "", null, true);
    }
}
