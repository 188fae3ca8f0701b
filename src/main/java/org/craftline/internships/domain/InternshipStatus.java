package org.craftline.internships.domain;

/** Where a placement stands; an early end carries its reason. */
public enum InternshipStatus {
    PLANNED,
    IN_PROGRESS,
    ENDED,
    ENDED_EARLY;

    /** The statuses a placement may move to from this one. */
    public boolean mayBecome(InternshipStatus next) {
        return switch (this) {
            case PLANNED -> next == IN_PROGRESS || next == ENDED_EARLY;
            case IN_PROGRESS -> next == ENDED || next == ENDED_EARLY;
            case ENDED, ENDED_EARLY -> false;
        };
    }

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
