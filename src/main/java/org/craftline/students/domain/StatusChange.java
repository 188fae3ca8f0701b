package org.craftline.students.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One entry of a student's status history: the status it left the student in, the change (null for
 * a status stated by an import), the document, what the student was moved to (major, class, entry
 * year), what a 转专业 or 留级 moved the student from (major, entry year; null on rows recorded before
 * V93) and, for a transfer, the other school.
 */
public record StatusChange(
        StudentStatus status,
        StatusChangeKind kind,
        LocalDate changedOn,
        String reason,
        String document,
        String majorName,
        String className,
        Integer entryYear,
        String fromMajorName,
        Integer fromEntryYear,
        String otherSchool,
        String recordedBy,
        OffsetDateTime recordedAt) {}
