package org.craftline.development.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A budget line of a project: one per category, with its planned amount and the capacity-building
 * flag (when not given: every category but OTHER counts).
 */
public record BudgetLineForm(
        @NotNull LineCategory category,
        @Size(max = 200) String description,

        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        BigDecimal plannedAmount,

        Boolean capacityBuilding) {

    /** The flag as given, else what the category counts as by default. */
    public boolean countsAsCapacityBuilding() {
        return capacityBuilding != null ? capacityBuilding : category.capacityBuildingByDefault();
    }

    public static BudgetLineForm empty() {
        return new BudgetLineForm(LineCategory.EQUIPMENT, "", null, true);
    }
}
