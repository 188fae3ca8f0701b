package org.craftline.shared;

import java.time.LocalDate;

/**
 * What of a person's resident ID number and birth date may be shown together. A masked number
 * ({@link ResidentIds#mask}) hides the county digits and the birth date; beside the full birth date
 * its check character would give the two county digits back. So wherever the number is masked only
 * the birth year is shown, and the full birth date goes only with the full number.
 *
 * @param idNumber the number, masked unless the viewer may see it whole
 * @param birthYear always shown
 * @param birthDate the full date beside the full number; null beside a masked one
 */
public record ShownIdentity(String idNumber, int birthYear, LocalDate birthDate) {

    /** The masked number with the birth year only. */
    public static ShownIdentity masked(String idNumber, LocalDate birthDate) {
        return new ShownIdentity(ResidentIds.mask(idNumber), birthDate.getYear(), null);
    }

    /** The full number and birth date, for a viewer entitled to them (an administrator's export or reveal). */
    public static ShownIdentity full(String idNumber, LocalDate birthDate) {
        return new ShownIdentity(idNumber, birthDate.getYear(), birthDate);
    }

    public static ShownIdentity of(String idNumber, LocalDate birthDate, boolean unmasked) {
        return unmasked ? full(idNumber, birthDate) : masked(idNumber, birthDate);
    }

    /** The birth as one text (an export's cell): the date beside a full number, otherwise the year. */
    public String birth() {
        return birthDate == null ? String.valueOf(birthYear) : birthDate.toString();
    }

    /**
     * A birth date as someone typed it (an import's refused value), as it may stand beside a masked
     * number: the first four characters (the year) kept, every later digit starred.
     */
    public static String maskTypedBirthDate(String typed) {
        if (typed == null || typed.length() <= 4) {
            return typed;
        }
        return typed.substring(0, 4) + typed.substring(4).replaceAll("[0-9０-９]", "*");
    }
}
