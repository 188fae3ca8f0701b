package org.craftline.social.domain;

import java.time.LocalDate;
import org.craftline.shared.Phones;
import org.craftline.shared.ResidentIds;

/** A trainee as lists, pages and the API show it; {@link #masked()} hides the ID number and phone. */
public record TraineeView(
        long id,
        String schoolCode,
        String schoolName,
        String name,
        String idNumber,
        String gender,
        LocalDate birthDate,
        String household,
        String township,
        String phone,
        long enrolments) {

    public TraineeView masked() {
        return new TraineeView(
                id,
                schoolCode,
                schoolName,
                name,
                ResidentIds.mask(idNumber),
                gender,
                birthDate,
                household,
                township,
                Phones.mask(phone),
                enrolments);
    }
}
