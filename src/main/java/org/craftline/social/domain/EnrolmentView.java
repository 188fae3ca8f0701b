package org.craftline.social.domain;

import java.time.LocalDate;

/** A trainee in a cohort as the cohort page and the API show it: the ID number always masked. */
public record EnrolmentView(
        long id,
        String cohortCode,
        long traineeId,
        String name,
        String idNumber,
        String gender,
        String household,
        String township,
        int attendanceHours,
        boolean completed,
        LocalDate completedOn,
        Boolean employed,
        String employer,
        Long enterpriseId,
        Boolean employedLocally,
        LocalDate employmentRecordedOn,
        String schoolCode,
        int version) {}
