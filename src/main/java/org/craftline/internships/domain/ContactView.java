package org.craftline.internships.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A recorded visit or call. */
public record ContactView(
        long id,
        ContactForm.Kind kind,
        LocalDate contactedOn,
        String note,
        String recordedBy,
        OffsetDateTime recordedAt) {}
