package org.craftline.aid.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A hardship recognition of a student for a school year (its first calendar year: 2026 for 2026-2027),
 * with its evidence (a 低保证 number, a document reference) and its review; a reviewed one without a
 * reviewer or date takes the signed-in user and today.
 */
public record HardshipForm(
        @Size(max = 10) String schoolCode,
        @NotBlank @Size(max = 30) String studentNumber,
        @NotNull @Min(2000) @Max(2100) Integer schoolYear,
        @NotNull HardshipLevel level,
        @NotBlank @Size(max = 500) String evidence,
        @NotNull ReviewDecision decision,
        @Size(max = 50) String reviewer,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewedOn,
        Integer version) {

    public static HardshipForm empty(int schoolYear) {
        return new HardshipForm(null, "", schoolYear, null, "", ReviewDecision.PENDING, null, null, null);
    }

    public static HardshipForm of(HardshipView h) {
        return new HardshipForm(
                null,
                h.studentNumber(),
                h.schoolYear(),
                HardshipLevel.valueOf(h.level()),
                h.evidence(),
                ReviewDecision.valueOf(h.decision()),
                h.reviewer(),
                h.reviewedOn(),
                h.version());
    }
}
