package org.craftline.training.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A course of a major the school offers; the school code may be left empty by a school user.
 * {@code required}: 必修, checked at graduation (null, an unticked box, is not required).
 */
public record CourseForm(
        @Size(max = 10) String schoolCode,

        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9._-]*")
        String code,

        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 10) String majorCode,
        Boolean required,
        Integer version) {

    boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    public static CourseForm empty() {
        return new CourseForm("", "", "", "", false, null);
    }
}
