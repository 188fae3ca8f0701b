package org.craftline.students.domain;

import java.time.LocalDate;
import org.craftline.shared.Phones;
import org.craftline.shared.ResidentIds;
import org.craftline.shared.ShownIdentity;

/**
 * A student as lists, pages and the API show it; {@link #masked()} hides the ID number, the 学籍号 (which holds it) and phone,
 * and with them the birth date (only {@code birthYear} stays, see {@link ShownIdentity}).
 */
public record StudentView(
        long id,
        String schoolCode,
        String schoolName,
        String studentNumber,
        String name,
        String idNumber,
        String gender,
        int birthYear,
        LocalDate birthDate,
        String household,
        String phone,
        String majorCode,
        String majorName,
        String className,
        int entryYear,
        String status,
        String nationalNumber,
        boolean fullTime,
        int version) {

    public StudentView masked() {
        return with(ShownIdentity.masked(idNumber, birthDate), Phones.mask(phone));
    }

    /** What an export shows: the full record to an administrator, the masked one otherwise. */
    ShownIdentity shown(boolean unmasked) {
        return ShownIdentity.of(idNumber, birthDate, unmasked);
    }

    private StudentView with(ShownIdentity shown, String shownPhone) {
        return new StudentView(
                id,
                schoolCode,
                schoolName,
                studentNumber,
                name,
                shown.idNumber(),
                gender,
                shown.birthYear(),
                shown.birthDate(),
                household,
                shownPhone,
                majorCode,
                majorName,
                className,
                entryYear,
                status,
                ResidentIds.mask(nationalNumber), // "G" and the ID number for most students
                fullTime,
                version);
    }
}
