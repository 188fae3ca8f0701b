package org.craftline.students.domain;

import static org.craftline.students.domain.StudentStatus.ENROLLED;
import static org.craftline.students.domain.StudentStatus.SUSPENDED;
import static org.craftline.students.domain.StudentStatus.WITHDRAWN;

import java.util.Set;

/**
 * The changes of a student's status (学籍异动) the provincial rules know: from which statuses each is
 * allowed, the status it leads to, and whether the rules want a document (an approval, a
 * certificate's number) with it. ENROL, TRANSFER_IN and GRADUATE are written by enrolment, the
 * receiving side of a transfer and graduation, not chosen on the change form.
 */
public enum StatusChangeKind {
    ENROL(Set.of(), ENROLLED, false),
    SUSPEND(Set.of(ENROLLED), SUSPENDED, true),
    RESUME(Set.of(SUSPENDED), ENROLLED, false),
    CHANGE_MAJOR(Set.of(ENROLLED), ENROLLED, false),
    REPEAT_YEAR(Set.of(ENROLLED, SUSPENDED), null, false),
    TRANSFER_OUT(Set.of(ENROLLED, SUSPENDED), StudentStatus.TRANSFERRED, true),
    TRANSFER_IN(Set.of(), ENROLLED, true),
    WITHDRAW(Set.of(ENROLLED, SUSPENDED), WITHDRAWN, true),
    COMPLETE(Set.of(ENROLLED), StudentStatus.COMPLETED, false),
    LEAVE_CERTIFIED(Set.of(ENROLLED, SUSPENDED, WITHDRAWN), StudentStatus.INCOMPLETE, true),
    GRADUATE(Set.of(ENROLLED), StudentStatus.GRADUATED, false),
    CANCEL(Set.of(ENROLLED, SUSPENDED, WITHDRAWN), StudentStatus.CANCELLED, true);

    /** The changes an administrator records on a student's page or through the API. */
    public static final Set<StatusChangeKind> CHOSEN = java.util.EnumSet.of(
            SUSPEND, RESUME, CHANGE_MAJOR, REPEAT_YEAR, TRANSFER_OUT, WITHDRAW, COMPLETE, LEAVE_CERTIFIED, CANCEL);

    private final Set<StudentStatus> from;
    private final StudentStatus to;
    private final boolean needsDocument;

    StatusChangeKind(Set<StudentStatus> from, StudentStatus to, boolean needsDocument) {
        this.from = from;
        this.to = to;
        this.needsDocument = needsDocument;
    }

    public boolean allowedFrom(StudentStatus status) {
        return from.contains(status);
    }

    /** The status after the change; 留级 keeps the student's status (suspended or enrolled). */
    public StudentStatus after(StudentStatus before) {
        return to == null ? before : to;
    }

    public boolean needsDocument() {
        return needsDocument;
    }
}
