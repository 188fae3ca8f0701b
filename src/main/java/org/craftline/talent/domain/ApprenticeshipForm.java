package org.craftline.talent.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A master (by student number or by staff number, exactly one) takes an apprentice (a student or
 * graduate, by student number) from a day on; no end date means the relation goes on.
 */
public record ApprenticeshipForm(
        @Size(max = 10) String schoolCode,
        @Size(max = 30) String masterStudentNumber,
        @Size(max = 20) String masterStaffNumber,
        @NotBlank @Size(max = 30) String apprenticeNumber,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate startedOn,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn) {

    public static ApprenticeshipForm empty(LocalDate today) {
        return new ApprenticeshipForm("", "", "", "", today, null);
    }
}
