package org.craftline.internships.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A move to another status from a day; an early end needs its reason. */
public record PlacementStatusForm(
        @NotNull InternshipStatus status,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate on,

        @Size(max = 500) String reason,
        Integer version) {}
