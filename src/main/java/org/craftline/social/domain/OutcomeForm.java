package org.craftline.social.domain;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What is recorded of a trainee in a cohort: attendance hours (at most the programme's), completion,
 * and employment after training ({@code employed} null: not yet followed up; the employer by name or
 * as a registry enterprise id; local: in the home county, otherwise transferred elsewhere).
 */
public record OutcomeForm(
        @NotNull @Min(0) Integer attendanceHours,
        Boolean completed,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
        Boolean employed,
        @Size(max = 100) String employer,
        Long enterpriseId,
        Boolean employedLocally,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate employmentRecordedOn,
        Integer version) {

    public static OutcomeForm of(EnrolmentView e) {
        return new OutcomeForm(
                e.attendanceHours(),
                e.completed(),
                e.completedOn(),
                e.employed(),
                e.employer(),
                e.enterpriseId(),
                e.employedLocally(),
                e.employmentRecordedOn(),
                e.version());
    }
}
