package org.craftline.internships.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A supervisor's visit or call: when, and what was found. */
public record ContactForm(
        @NotNull Kind kind,
        @NotNull LocalDate contactedOn,
        @NotBlank @Size(max = 1000) String note) {

    public enum Kind {
        VISIT,
        CALL
    }
}
