package org.craftline.internships.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A student's weekly log: the week's Monday and what it did; the version it was read at when changed. */
public record LogForm(
        @NotNull LocalDate weekOf,
        @NotBlank @Size(max = 4000) String body,
        Integer version) {}
