package org.craftline.jobs.domain;

/** What a posting offers. */
public enum PostingKind {
    JOB,
    INTERNSHIP
}
