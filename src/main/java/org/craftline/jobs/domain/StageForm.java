package org.craftline.jobs.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The unit moves an application to a stage from a day (today when none is given). */
public record StageForm(
        @NotNull ApplicationStage stage,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
        @Size(max = 500) String note,
        Integer version) {}
