package org.craftline.training.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A practical item of a course: code unique within the course, planned hours. */
public record ItemForm(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9._-]*")
        String code,

        @NotBlank @Size(max = 100) String name,
        @NotNull @Min(1) @Max(999) Integer hours) {

    public static ItemForm empty() {
        return new ItemForm("", "", null);
    }
}
