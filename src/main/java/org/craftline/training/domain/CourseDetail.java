package org.craftline.training.domain;

import java.util.List;

/** A course with its practical items and, per item, the terms the syllabus requires it in. */
public record CourseDetail(CourseView course, List<Item> items) {

    public record Item(String code, String name, int hours, List<String> terms) {}
}
