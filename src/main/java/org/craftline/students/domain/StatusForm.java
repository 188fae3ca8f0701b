package org.craftline.students.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A change of a student's status (学籍异动): which change, from when, why, the document the rules
 * want, and what the change moves the student to. {@code majorCode} and {@code className} serve
 * 转专业 (and the receiving school's major of a transfer), {@code className} and {@code entryYear}
 * 留级 and 复学 into a later class; {@code schoolCode} names the receiving school of a transfer inside
 * the installation, {@code schoolName} one outside it, and {@code newNumber} the student number at
 * the receiving school (the same one when empty). {@code version} is the record's version as read.
 */
public record StatusForm(
        @NotNull StatusChangeKind change,
        @NotNull LocalDate changedOn,
        @NotBlank @Size(max = 200) String reason,
        @Size(max = 100) String document,
        @Size(max = 10) String majorCode,
        @Size(max = 100) String className,
        @Min(1990) @Max(2100) Integer entryYear,
        @Size(max = 20) String schoolCode,
        @Size(max = 100) String schoolName,
        @Size(max = 30) String newNumber,
        @NotNull Integer version) {

    public static StatusForm empty(LocalDate today, int version) {
        return new StatusForm(StatusChangeKind.SUSPEND, today, "", "", "", "", null, "", "", "", version);
    }

    /** A change that moves nothing but the status. */
    public static StatusForm of(StatusChangeKind change, LocalDate on, String reason, String document, int version) {
        return new StatusForm(change, on, reason, document, null, null, null, null, null, null, version);
    }
}
