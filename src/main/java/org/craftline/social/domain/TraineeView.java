package org.craftline.social.domain;

import java.time.LocalDate;
import org.craftline.shared.Phones;
import org.craftline.shared.ShownIdentity;

/**
 * A trainee as lists, pages and the API show it; {@link #masked()} hides the ID number and phone,
 * and with them the birth date (only {@code birthYear} stays, see {@link ShownIdentity}).
 */
public record TraineeView(
        long id,
        String schoolCode,
        String schoolName,
        String name,
        String idNumber,
        String gender,
        int birthYear,
        LocalDate birthDate,
        String household,
        String township,
        String phone,
        long enrolments) {

    public TraineeView masked() {
        ShownIdentity shown = ShownIdentity.masked(idNumber, birthDate);
        return new TraineeView(
                id,
                schoolCode,
                schoolName,
                name,
                shown.idNumber(),
                gender,
                shown.birthYear(),
                shown.birthDate(),
                household,
                township,
                Phones.mask(phone),
                enrolments);
    }
}
