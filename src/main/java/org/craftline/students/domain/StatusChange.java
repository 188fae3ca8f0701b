package org.craftline.students.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of a student's status history. */
public record StatusChange(
        StudentStatus status, LocalDate changedOn, String reason, String recordedBy, OffsetDateTime recordedAt) {}
