package org.craftline.training.domain;

import java.time.OffsetDateTime;

/** A student's result of a course in a term, as a course's page and the API show it. */
public record CourseResultView(
        String studentNumber,
        String studentName,
        String term,
        boolean passed,
        String recordedBy,
        OffsetDateTime recordedAt) {}
