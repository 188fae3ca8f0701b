package org.craftline.internships.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A placement as planned. The signed agreement and, for a minor, the guardian's consent come as
 * files beside it. {@code acceptWarnings} with a reason lets an administrator accept the rules that
 * only warn; {@code version} is the one the form was opened with (none for a new placement).
 */
public record PlacementForm(
        @Size(max = 10) String schoolCode,
        @NotBlank @Size(max = 30) String studentNumber,
        @NotNull Long enterpriseId,
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
        @NotBlank @Size(max = 60) String policyNumber,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate insuredFrom,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate insuredTo,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate agreementEndsOn,
        @Size(max = 50) String guardianName,
        Boolean acceptWarnings,
        @Size(max = 500) String acceptanceReason,
        Integer version) {

    static boolean yes(Boolean flag) {
        return Boolean.TRUE.equals(flag);
    }

    /** A new placement's form: the usual five days of eight hours, nothing else filled in. */
    public static PlacementForm empty(String studentNumber, Long enterpriseId, LocalDate today) {
        return new PlacementForm(
                "",
                studentNumber,
                enterpriseId,
                InternshipKind.POST,
                "",
                null,
                today,
                today.plusMonths(6),
                "",
                "",
                "",
                BigDecimal.valueOf(8),
                5,
                false,
                false,
                false,
                null,
                null,
                "",
                "",
                today,
                today.plusMonths(6),
                null,
                "",
                false,
                "",
                null);
    }
}
