package org.craftline.platform;

/**
 * The sign-in of a student who moves to another school of the installation (转学): the account follows
 * the student's new record and is managed by the new school from then on. Implemented by the
 * platform's accounts; called by the students module inside the transfer's transaction.
 */
public interface StudentLogins {

    /**
     * Binds the accounts of record {@code fromStudentId} to record {@code toStudentId} of school
     * {@code toSchoolId}, ending their sessions and tokens (their scope changes); answers how many.
     */
    int move(long fromStudentId, long toStudentId, long toSchoolId);
}
