package org.craftline.development.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new honour. No student or staff number means an honour of the school itself; no end year
 * means a single year. The school code may be left empty by a school user (its own school).
 */
public record HonourForm(
        @Size(max = 10) String schoolCode,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100) String awardingBody,
        @NotNull AwardLevel level,
        @NotNull @Min(1949) @Max(2100) Integer fromYear,
        @Min(1949) @Max(2100) Integer toYear,
        @Size(max = 30) String studentNumber,
        @Size(max = 20) String staffNumber,
        @Size(max = 500) String note,
        Integer version) {

    /** The form of a recorded honour, for correcting it. */
    public static HonourForm of(HonourView h) {
        return new HonourForm(
                h.schoolCode(),
                h.title(),
                h.awardingBody(),
                AwardLevel.valueOf(h.level()),
                h.fromYear(),
                h.toYear(),
                "STUDENT".equals(h.holderKind()) ? h.holderNumber() : "",
                "STAFF".equals(h.holderKind()) ? h.holderNumber() : "",
                h.note() == null ? "" : h.note(),
                h.version());
    }

    public static HonourForm empty(int year) {
        return new HonourForm("", "", "", AwardLevel.PROVINCIAL, year, null, "", "", "", null);
    }
}
