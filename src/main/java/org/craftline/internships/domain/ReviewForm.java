package org.craftline.internships.domain;

import jakarta.validation.constraints.Size;

/** The supervisor's review of a co-signed log: an optional note, and the version the log was read at. */
public record ReviewForm(@Size(max = 1000) String note, Integer version) {}
