package org.craftline.employment.domain;

/** Where a graduate went; the first four count as "employed" in the employment rate as schools report it. */
public enum DestinationKind {
    EMPLOYED,
    FURTHER_STUDY,
    SELF_EMPLOYED,
    MILITARY,
    UNEMPLOYED,
    UNKNOWN;

    /**
     * The directly employed (直接就业) as the ministry counts them: employed by a unit, or self-employed
     * (个体经营, e.g. in one's own jade workshop). Matched and local employment are counted among them.
     */
    public boolean directlyEmployed() {
        return this == EMPLOYED || this == SELF_EMPLOYED;
    }
}
