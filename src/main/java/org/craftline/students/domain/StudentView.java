package org.craftline.students.domain;

import java.time.LocalDate;
import org.craftline.shared.Phones;
import org.craftline.shared.ResidentIds;

/** A student as lists, pages and the API show it; {@link #masked()} hides the ID number and phone. */
public record StudentView(
        long id,
        String schoolCode,
        String schoolName,
        String studentNumber,
        String name,
        String idNumber,
        String gender,
        LocalDate birthDate,
        String household,
        String phone,
        String majorCode,
        String majorName,
        String className,
        int entryYear,
        String status,
        int version) {

    public StudentView masked() {
        return new StudentView(
                id,
                schoolCode,
                schoolName,
                studentNumber,
                name,
                ResidentIds.mask(idNumber),
                gender,
                birthDate,
                household,
                Phones.mask(phone),
                majorCode,
                majorName,
                className,
                entryYear,
                status,
                version);
    }
}
