package org.craftline.organisation.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Commands of the organisation module: what a form or an API body may set. */
public final class Forms {

    private Forms() {}

    public record RegionForm(
            @NotBlank @Pattern(regexp = "\\d{6}", message = "{region.code.pattern}")
            String code,

            @NotBlank @Size(max = 100) String name,
            @Size(max = 100) String nameEn,
            @NotNull RegionLevel level,

            @Pattern(regexp = "(\\d{6})?", message = "{region.code.pattern}")
            String parentCode,

            Integer version) {}

    public record SchoolForm(
            @NotBlank @Pattern(regexp = "\\d{10}", message = "{school.code.pattern}")
            String code,

            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String nameEn,
            @NotBlank String regionCode,
            @NotNull @Min(1900) @Max(2100) Integer foundedYear,
            List<String> majorCodes,
            Integer version) {}

    public record MajorForm(
            @NotBlank @Pattern(regexp = "\\d{6}", message = "{major.code.pattern}")
            String code,

            @NotBlank @Size(max = 100) String name,
            @Size(max = 150) String nameEn,
            Integer version) {}

    public record ClassForm(
            @Size(max = 10) String schoolCode,
            @NotBlank String majorCode,
            @NotNull @Min(1990) @Max(2100) Integer entryYear,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 20) String adviserNumber,
            Integer version) {}

    public record StaffForm(
            @Size(max = 10) String schoolCode,

            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "{staff.number.pattern}")
            String staffNumber,

            @NotBlank @Size(max = 50) String name,
            @Size(max = 50) String title,
            StaffCategory category,
            boolean fullTime,
            boolean dualQualified,
            Integer version) {

        /** A writer that names no category (the API before issue 19) writes a teacher, as it did. */
        public StaffForm {
            category = category == null ? StaffCategory.TEACHER : category;
        }
    }
}
