package org.craftline.training.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A workshop or training base: area in m², stations, equipment value in yuan; none negative. */
public record WorkshopForm(
        @Size(max = 10) String schoolCode,
        @NotBlank @Size(max = 100) String name,
        @NotNull WorkshopKind kind,

        @NotNull @DecimalMin("0") @DecimalMax("999999999") @Digits(integer = 9, fraction = 1)
        BigDecimal area,

        @NotNull @Min(0) @Max(100000) Integer stations,

        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2)
        BigDecimal equipmentValue,

        Integer version) {

    public static WorkshopForm empty() {
        return new WorkshopForm("", "", WorkshopKind.WORKSHOP, null, null, null, null);
    }

    public static WorkshopForm of(WorkshopView w) {
        return new WorkshopForm(
                w.schoolCode(),
                w.name(),
                WorkshopKind.valueOf(w.kind()),
                w.area(),
                w.stations(),
                w.equipmentValue(),
                w.version());
    }
}
