package org.craftline.jobs;

import java.time.LocalDate;

/**
 * A unit hired an applicant through a posting: published in the hire's own transaction, so the
 * destination it records lands or fails with it.
 *
 * @param studentId the student or graduate hired
 * @param enterpriseId the registry unit that hired
 * @param position the posting's position
 * @param hiredOn the day the hire was recorded for
 * @param applicationId the application, for the audit trail
 */
public record ApplicantHired(
        long studentId, long enterpriseId, String position, LocalDate hiredOn, long applicationId) {}
