package org.craftline.students.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A change of a student's status (学籍异动): the new status, from when, and why. */
public record StatusForm(
        @NotNull StudentStatus status,
        @NotNull LocalDate changedOn,
        @Size(max = 200) String reason) {}
