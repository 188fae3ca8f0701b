package org.craftline.students.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One entry of a student's status history: the status it left the student in, the change (null for
 * a status stated by an import), the document, what the student was moved to (major, class, entry
 * year), what a 转专业, 留级 or 复学 moved the student from (major, entry year; null where the history
 * could not tell when V93 filled the rows recorded before it) and, for a transfer, the other school.
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
