package org.craftline.jobs.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An application as its readers see it: the unit sees the applicant's name, school, major and
 * graduation year (never an ID number or phone, nor the student number); the school and the
 * applicant see the student number too.
 */
public record ApplicationView(
        long id,
        long postingId,
        String position,
        long enterpriseId,
        String enterpriseName,
        String studentNumber,
        String studentName,
        String schoolName,
        String majorName,
        Integer graduationYear,
        ApplicationStage stage,
        LocalDate stageOn,
        OffsetDateTime appliedAt,
        int version) {

    ApplicationView withoutNumber() {
        return new ApplicationView(
                id,
                postingId,
                position,
                enterpriseId,
                enterpriseName,
                null,
                studentName,
                schoolName,
                majorName,
                graduationYear,
                stage,
                stageOn,
                appliedAt,
                version);
    }
}
