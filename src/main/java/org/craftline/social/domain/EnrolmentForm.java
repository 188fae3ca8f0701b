package org.craftline.social.domain;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A trainee enrolled in a cohort: the person (found by resident ID number within the school, or
 * created) and what is recorded of the enrolment.
 */
public record EnrolmentForm(
        @NotBlank @Size(max = 50) String name,
        @NotBlank @Size(max = 20) String idNumber,
        @NotNull Household household,
        @Size(max = 50) String township,
        @Size(max = 20) String phone,
        @NotNull @Min(0) Integer attendanceHours,
        Boolean completed,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
        Boolean employed,
        @Size(max = 100) String employer,
        Long enterpriseId,
        Boolean employedLocally,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate employmentRecordedOn) {

    public static EnrolmentForm empty() {
        return new EnrolmentForm("", "", Household.RURAL, "", "", 0, false, null, null, "", null, null, null);
    }

    public OutcomeForm outcome() {
        return new OutcomeForm(
                attendanceHours,
                completed,
                completedOn,
                employed,
                employer,
                enterpriseId,
                employedLocally,
                employmentRecordedOn,
                null);
    }
}
