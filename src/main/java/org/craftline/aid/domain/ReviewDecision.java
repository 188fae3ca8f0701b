package org.craftline.aid.domain;

/** The review of a hardship recognition; only an approved one counts for aid. */
public enum ReviewDecision {
    PENDING,
    APPROVED,
    REFUSED
}
