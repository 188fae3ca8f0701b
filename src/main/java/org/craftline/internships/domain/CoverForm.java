package org.craftline.internships.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the insurer and the agreement now say: recorded as a fact even when it no longer covers the
 * placement to its end, which then shows as at risk.
 */
public record CoverForm(
        @NotBlank @Size(max = 100) String insurer,
        @NotBlank @Size(max = 60) String policyNumber,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate insuredFrom,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate insuredTo,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate agreementEndsOn,
        Integer version) {}
