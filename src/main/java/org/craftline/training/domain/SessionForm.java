package org.craftline.training.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A training session held: item (course code + item code), class (by name), day and hours; the
 * instructor (staff number) and workshop (name) are optional. The term follows from the day.
 */
public record SessionForm(
        @Size(max = 10) String schoolCode,
        @NotBlank @Size(max = 20) String courseCode,
        @NotBlank @Size(max = 20) String itemCode,
        @NotBlank @Size(max = 100) String className,

        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate heldOn,

        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("8") @Digits(integer = 1, fraction = 1)
        BigDecimal hours,

        @Size(max = 20) String instructorNumber,
        @Size(max = 100) String workshopName,
        Integer version) {

    public static SessionForm empty(LocalDate today) {
        return new SessionForm("", "", "", "", today, new BigDecimal("2"), "", "", null);
    }

    public static SessionForm of(SessionView s) {
        return new SessionForm(
                s.schoolCode(),
                s.courseCode(),
                s.itemCode(),
                s.className(),
                s.heldOn(),
                s.hours(),
                s.instructorNumber() == null ? "" : s.instructorNumber(),
                s.workshopName() == null ? "" : s.workshopName(),
                s.version());
    }
}
