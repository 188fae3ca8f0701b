package org.craftline.jobs.domain;

/** Where a job fair stands: students register while it is PLANNED; offers are recorded until it is CANCELLED. */
public enum FairStatus {
    PLANNED,
    HELD,
    CANCELLED
}
