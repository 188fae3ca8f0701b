package org.craftline.internships.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** An incident of a placement and its follow-up; closed once it has a closing date. */
public record IncidentForm(
        @NotNull Kind kind,
        @NotNull LocalDate occurredOn,
        @NotBlank @Size(max = 2000) String description,
        @Size(max = 2000) String followUp,
        LocalDate closedOn,
        Integer version) {

    public enum Kind {
        INJURY,
        DISPUTE,
        OTHER
    }
}
