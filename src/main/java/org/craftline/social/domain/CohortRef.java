package org.craftline.social.domain;

import java.time.LocalDate;

/** What the rules of an enrolment need to know of its cohort. */
record CohortRef(long id, long schoolId, String code, LocalDate startsOn, LocalDate endsOn, int programmeHours) {}
