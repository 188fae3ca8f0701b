package org.craftline.social.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A cohort of a programme: a code unique within the school, its dates and where it is held. */
public record CohortForm(
        @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+")
        String code,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate startsOn,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate endsOn,

        @Size(max = 100) String place) {

    public static CohortForm empty() {
        return new CohortForm("", null, null, "");
    }
}
