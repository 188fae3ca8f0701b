package org.craftline.enterprises.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.craftline.enterprises.Industry;

/**
 * A new or changed enterprise; the credit code may be left empty for an individual business without one,
 * the staff count while it is not known.
 */
public record EnterpriseForm(
        @Size(max = 30) String creditCode,
        @NotBlank @Size(max = 200) String name,
        @NotNull Industry industry,
        @NotBlank String regionCode,
        @Size(max = 50) String town,
        @NotNull SizeBand sizeBand,
        @Size(max = 100) String contact,
        @Min(1) @Max(1_000_000) Integer staffCount) {

    public enum SizeBand {
        MICRO,
        SMALL,
        MEDIUM,
        LARGE
    }

    public static EnterpriseForm empty() {
        return new EnterpriseForm("", "", Industry.JADE_CARVING, "", "", SizeBand.MICRO, "", null);
    }
}
