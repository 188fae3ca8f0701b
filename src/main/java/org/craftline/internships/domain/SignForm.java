package org.craftline.internships.domain;

/** The mentor's co-signature of a log: the version the log was read at. */
public record SignForm(Integer version) {}
