package org.craftline.jobs.domain;

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
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A posting as its unit (or, for a unit without an account, its school) writes it. The unit is the
 * enterprise user's own; a school names it. Majors by catalogue code; the minimum skill level by its
 * rank (0 学徒工, 1 初级工 … 7 首席技师; see talent's Grade).
 */
public record PostingForm(
        Long enterpriseId,
        @NotNull PostingKind kind,
        @NotBlank @Size(max = 100) String position,
        @Size(max = 20) List<@NotBlank @Size(max = 10) String> majorCodes,
        @Min(0) @Max(7) Integer minSkillRank,
        @NotNull @Min(1) @Max(10_000) Integer headcount,

        @DecimalMin("0") @DecimalMax("9999999") @Digits(integer = 7, fraction = 2)
        BigDecimal payFrom,

        @DecimalMin("0") @DecimalMax("9999999") @Digits(integer = 7, fraction = 2)
        BigDecimal payTo,

        @Size(max = 50) String town,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate deadline,

        @Size(max = 2000) String description,
        Integer version) {

    public static PostingForm empty(Long enterpriseId, LocalDate today) {
        return new PostingForm(
                enterpriseId,
                PostingKind.JOB,
                "",
                List.of(),
                null,
                1,
                null,
                null,
                "",
                null,
                today.plusMonths(1),
                "",
                null);
    }
}
