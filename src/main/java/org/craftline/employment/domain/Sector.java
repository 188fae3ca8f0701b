package org.craftline.employment.domain;

import org.craftline.enterprises.Industry;

/** The sector (第一、二、三产业) a graduate works in. */
public enum Sector {
    PRIMARY,
    SECONDARY,
    TERTIARY;

    /** The sector a registry unit's industry implies: arts and crafts are manufacturing; "other" says nothing. */
    static Sector of(Industry industry) {
        return industry == Industry.OTHER ? null : SECONDARY;
    }
}
