package org.craftline.employment.domain;

/** A monthly pay band in yuan, in order: the median band is the band of the middle answer. */
public enum PayBand {
    UP_TO_2000,
    TO_3000,
    TO_4000,
    TO_5000,
    TO_6000,
    OVER_6000
}
