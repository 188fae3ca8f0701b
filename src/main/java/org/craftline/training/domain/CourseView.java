package org.craftline.training.domain;

/** A course as lists, pages and the API show it. */
public record CourseView(
        String schoolCode,
        String schoolName,
        String code,
        String name,
        String majorCode,
        String majorName,
        int items,
        int version) {}
