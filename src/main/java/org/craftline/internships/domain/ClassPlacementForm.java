package org.craftline.internships.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A class's placements at one unit in one step: the class, the school's cooperation agreement with
 * the unit, the plan they share, and for each student placed its policy number and, for a minor, its
 * guardian. The signed files come beside it, named {@code agreement.<student number>} and
 * {@code consent.<student number>}.
 */
public record ClassPlacementForm(
        @Size(max = 10) String schoolCode,
        @NotNull Long classId,
        @NotNull Long cooperationId,
        @NotNull InternshipKind kind,
        @NotBlank @Size(max = 100) String post,
        @NotNull @Min(1) @Max(1_000_000) Integer postHeadcount,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate startsOn,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate endsOn,

        @NotBlank @Size(max = 20) String supervisorNumber,
        @NotBlank @Size(max = 50) String mentorName,
        @NotBlank @Size(max = 20) String mentorPhone,

        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24") @Digits(integer = 2, fraction = 1)
        BigDecimal hoursPerDay,

        @NotNull @Min(1) @Max(7) Integer daysPerWeek,
        Boolean nightShifts,
        Boolean overtime,
        Boolean publicHolidays,

        @NotNull @DecimalMin("0") @DecimalMax("9999999") @Digits(integer = 7, fraction = 2)
        BigDecimal monthlyPay,

        @NotNull @DecimalMin("0") @DecimalMax("9999999") @Digits(integer = 7, fraction = 2)
        BigDecimal postWage,

        @NotBlank @Size(max = 100) String insurer,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate insuredFrom,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate insuredTo,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate agreementEndsOn,
        Boolean acceptWarnings,
        @Size(max = 500) String acceptanceReason,

        @NotEmpty @Size(max = ClassPlacementForm.MAX_STUDENTS) @Valid
        List<StudentRow> students) {

    /** More students than any class has; the class's own size is checked when the batch is made. */
    public static final int MAX_STUDENTS = 200;

    /** One student of the class to place; {@code skip} leaves the row out (a page lists the whole class). */
    public record StudentRow(
            @NotBlank @Size(max = 30) String studentNumber,
            @Size(max = 60) String policyNumber,
            @Size(max = 50) String guardianName,
            Boolean skip) {

        boolean included() {
            return !Boolean.TRUE.equals(skip);
        }
    }

    /** The placement of one student as {@link Placements#create} takes it. */
    PlacementForm placement(StudentRow row, long enterpriseId) {
        return new PlacementForm(
                schoolCode,
                row.studentNumber().strip(),
                enterpriseId,
                kind,
                post,
                postHeadcount,
                startsOn,
                endsOn,
                supervisorNumber,
                mentorName,
                mentorPhone,
                hoursPerDay,
                daysPerWeek,
                nightShifts,
                overtime,
                publicHolidays,
                monthlyPay,
                postWage,
                insurer,
                row.policyNumber() == null ? "" : row.policyNumber(),
                insuredFrom,
                insuredTo,
                agreementEndsOn,
                row.guardianName(),
                acceptWarnings,
                acceptanceReason,
                null);
    }
}
