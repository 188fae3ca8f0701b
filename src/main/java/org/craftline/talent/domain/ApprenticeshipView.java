package org.craftline.talent.domain;

import java.time.LocalDate;

/** A master-apprentice relation with both persons by name and number. */
public record ApprenticeshipView(
        long id,
        String schoolCode,
        String masterNumber,
        String masterName,
        boolean masterIsStaff,
        String apprenticeNumber,
        String apprenticeName,
        LocalDate startedOn,
        LocalDate endedOn) {

    public boolean ongoing() {
        return endedOn == null;
    }
}
