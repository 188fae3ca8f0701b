package org.craftline.internships.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A log in a queue: whose, at which unit, which week, under which supervisor, where it stands. */
public record LogEntry(
        long logId,
        long internshipId,
        String studentNumber,
        String studentName,
        String enterpriseName,
        String supervisorNumber,
        String supervisorName,
        LocalDate weekOf,
        OffsetDateTime submittedAt,
        OffsetDateTime signedAt) {}
