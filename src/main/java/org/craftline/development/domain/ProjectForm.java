package org.craftline.development.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A funded project; the school code may be left empty by a school user (its own school). */
public record ProjectForm(
        @Size(max = 10) String schoolCode,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String fundingSource,
        @NotNull AwardLevel level,
        @NotNull @Min(1949) @Max(2100) Integer awardYear,

        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        BigDecimal amountAwarded,

        @NotNull ProjectStatus status,
        @Size(max = 500) String note,
        Integer version) {

    public static ProjectForm empty(int year) {
        return new ProjectForm(
                "", "", "省级职业教育发展专项资金", AwardLevel.PROVINCIAL, year, null, ProjectStatus.PLANNED, "", null);
    }

    public static ProjectForm of(ProjectView p) {
        return new ProjectForm(
                p.schoolCode(),
                p.name(),
                p.fundingSource(),
                AwardLevel.valueOf(p.level()),
                p.awardYear(),
                p.amountAwarded(),
                ProjectStatus.valueOf(p.status()),
                p.note(),
                p.version());
    }
}
