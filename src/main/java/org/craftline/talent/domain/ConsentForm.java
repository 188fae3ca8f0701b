package org.craftline.talent.domain;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A graduate's consent to the public masters page, or its withdrawal, on the day it was given, with
 * the consent's version as the list showed it ({@code consentVersion}; 0 while none is recorded).
 */
public record ConsentForm(
        @NotNull Boolean consented,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate givenOn,

        Integer version) {}
