package org.craftline.jobs.domain;

/** The stages of an application; the last three end it. */
public enum ApplicationStage {
    APPLIED,
    SHORTLISTED,
    INTERVIEWED,
    OFFERED,
    HIRED,
    DECLINED,
    WITHDRAWN;

    public boolean isFinal() {
        return this == HIRED || this == DECLINED || this == WITHDRAWN;
    }

    /** The unit moves forward (or declines); only the applicant withdraws. */
    public boolean unitMayMoveTo(ApplicationStage next) {
        if (isFinal() || next == WITHDRAWN || next == APPLIED) {
            return false;
        }
        return next == DECLINED || next.ordinal() > ordinal();
    }
}
