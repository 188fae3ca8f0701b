package org.craftline.employment.domain;

/** Where a graduate went; the first four count as "employed" in the employment rate as schools report it. */
public enum DestinationKind {
    EMPLOYED,
    FURTHER_STUDY,
    SELF_EMPLOYED,
    MILITARY,
    UNEMPLOYED,
    UNKNOWN
}
