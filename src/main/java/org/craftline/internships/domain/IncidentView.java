package org.craftline.internships.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A recorded incident with its follow-up. */
public record IncidentView(
        long id,
        IncidentForm.Kind kind,
        LocalDate occurredOn,
        String description,
        String followUp,
        LocalDate closedOn,
        String recordedBy,
        OffsetDateTime recordedAt,
        int version) {

    public boolean closed() {
        return closedOn != null;
    }
}
