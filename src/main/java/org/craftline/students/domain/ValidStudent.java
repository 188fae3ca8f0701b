package org.craftline.students.domain;

import java.time.LocalDate;
import org.craftline.shared.Gender;

/**
 * A student's values after every rule has passed, ready to be stored; a null {@code fullTime} was not
 * given, and a null {@code enrolledOn} (the day of enrolment, in the entry year) leaves it to the default.
 */
public record ValidStudent(
        long schoolId,
        String studentNumber,
        String name,
        String idNumber,
        Gender gender,
        LocalDate birthDate,
        Household household,
        String phone,
        long majorId,
        Long classId,
        int entryYear,
        StudentStatus status,
        String nationalNumber,
        Boolean fullTime,
        LocalDate enrolledOn) {

    /** The values in the column order of the student_import staging table (after its import key). */
    Object[] stagingValues() {
        return new Object[] {
            schoolId,
            studentNumber,
            name,
            idNumber,
            gender.name(),
            birthDate,
            household.name(),
            phone,
            majorId,
            classId,
            entryYear,
            status.name(),
            nationalNumber,
            fullTime,
            enrolledOn
        };
    }
}
