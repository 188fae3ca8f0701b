package org.craftline.training.domain;

/** A course as lists, pages and the API show it; {@code required}: 必修, checked at graduation. */
public record CourseView(
        String schoolCode,
        String schoolName,
        String code,
        String name,
        String majorCode,
        String majorName,
        boolean required,
        int items,
        int version) {}
