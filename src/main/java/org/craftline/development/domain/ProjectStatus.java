package org.craftline.development.domain;

/** Where a funded project stands. */
public enum ProjectStatus {
    PLANNED,
    ONGOING,
    COMPLETED
}
