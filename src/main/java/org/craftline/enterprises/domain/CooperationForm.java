package org.craftline.enterprises.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A new cooperation agreement. The school code may be left empty by a school user (its own school);
 * no end date means the agreement is open-ended.
 */
public record CooperationForm(
        @Size(max = 10) String schoolCode,
        @NotNull Long enterpriseId,
        @NotNull CooperationType type,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate startsOn,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
        @Size(max = 500) String note) {

    public static CooperationForm empty(Long enterpriseId, LocalDate today) {
        return new CooperationForm("", enterpriseId, CooperationType.INTERNSHIP_BASE, today, null, "");
    }
}
