package org.craftline.social.domain;

import java.time.LocalDate;

/** A cohort with its programme and the counts of its enrolments, completions and employed completers. */
public record CohortView(
        long id,
        String schoolCode,
        String schoolName,
        long programmeId,
        String programmeName,
        String programmeKind,
        int programmeHours,
        String code,
        LocalDate startsOn,
        LocalDate endsOn,
        String place,
        long enrolled,
        long completed,
        long employed) {}
