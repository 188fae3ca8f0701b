package org.craftline.platform;

/**
 * What a student holds as a person and another module keeps, which follows the student to a new
 * school of the installation on a transfer (转学): the sign-in (platform's accounts, whose sessions
 * end) and the certificates (talent; a certificate's school is its holder's). Called by the students
 * module inside the transfer's transaction, once the receiving school's record exists; the transfer's
 * audit gives each count under its name.
 */
public interface StudentHoldings {

    /** The audit's name of the count moved, e.g. {@code certificatesMoved}. */
    String audited();

    /** Moves the holdings of record {@code fromStudentId} to record {@code toStudentId} of school {@code toSchoolId}; answers how many. */
    int move(long fromStudentId, long toStudentId, long toSchoolId);
}
