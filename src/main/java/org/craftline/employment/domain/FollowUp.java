package org.craftline.employment.domain;

/** The follow-up points of a graduate's destination, in order. */
public enum FollowUp {
    AT_GRADUATION,
    MONTHS_6,
    YEAR_1,
    YEAR_3,
    LATER;

    public int rank() {
        return ordinal();
    }
}
