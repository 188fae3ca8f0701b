package org.craftline.internships.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A grade with its comment, filed by the mentor or the school, from the version the evaluation was read at. */
public record EvaluationForm(
        @NotNull Grade grade, @Size(max = 1000) String comment, Integer version) {}
