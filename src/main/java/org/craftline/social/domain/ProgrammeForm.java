package org.craftline.social.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A training programme; the school code may be left empty by a school user (its own school). */
public record ProgrammeForm(
        @Size(max = 10) String schoolCode,
        @NotBlank @Size(max = 100) String name,
        @NotNull ProgrammeKind kind,
        @NotBlank @Size(max = 50) String occupation,
        @NotNull @Min(1) @Max(5000) Integer hours,
        @Size(max = 100) String fundingSource,
        Integer version) {

    public static ProgrammeForm empty() {
        return new ProgrammeForm("", "", ProgrammeKind.LABOUR_TRANSFER, "", null, "", null);
    }

    public static ProgrammeForm of(ProgrammeView p) {
        return new ProgrammeForm(
                p.schoolCode(),
                p.name(),
                ProgrammeKind.valueOf(p.kind()),
                p.occupation(),
                p.hours(),
                p.fundingSource(),
                p.version());
    }
}
