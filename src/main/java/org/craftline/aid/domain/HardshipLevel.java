package org.craftline.aid.domain;

/** The level of a recognised hardship: 特别困难, 困难, 一般困难. */
public enum HardshipLevel {
    SPECIAL,
    HARDSHIP,
    GENERAL
}
