package org.craftline.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** China's 18-character resident identity number (GB 11643-1999). */
public final class ResidentIds {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");

    private ResidentIds() {}

    /** The number without whitespace, full-width characters or a lower-case check x; "" for null or blank. */
    public static String normalise(String raw) {
        String s = Text.normalise(raw);
        if (s == null || s.isEmpty()) {
            return "";
        }
        s = WHITESPACE.matcher(s).replaceAll("");
        if (s.endsWith("x")) {
            s = s.substring(0, s.length() - 1) + 'X';
        }
        return s;
    }

    /**
     * Empty when the normalised number is valid, otherwise the message key of the first problem:
     * {@code residentId.format}, {@code residentId.region}, {@code residentId.birthDate} or
     * {@code residentId.checksum}.
     */
    public static Optional<String> problem(String normalised) {
        return problem(normalised, LocalDate.now());
    }

    static Optional<String> problem(String normalised, LocalDate today) {
        // [0-9]{17}[0-9X], checked without a regex: an import checks a million numbers several times each
        if (normalised == null
                || normalised.length() != 18
                || !digits(normalised, 17)
                || !(isDigit(normalised.charAt(17)) || normalised.charAt(17) == 'X')) {
            return Optional.of("residentId.format");
        }
        if (!PROVINCES.contains(normalised.substring(0, 2))) {
            return Optional.of("residentId.region");
        }
        LocalDate birth = parseBirthDate(normalised);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Optional.of("residentId.birthDate");
        }
        if (checkCharacter(normalised.substring(0, 17)) != normalised.charAt(17)) {
            return Optional.of("residentId.checksum");
        }
        return Optional.empty();
    }

    /** The birth date encoded in a valid number. */
    public static LocalDate birthDate(String validId) {
        requireValid(validId);
        return parseBirthDate(validId);
    }

    /** The gender encoded in a valid number: an odd 17th digit is male, an even one female. */
    public static Gender gender(String validId) {
        requireValid(validId);
        return (validId.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The number with all but the first four and last four characters starred; null stays null. */
    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() < 9) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits of a number. */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits == null || first17Digits.length() != 17 || !digits(first17Digits, 17)) {
            throw new IllegalArgumentException("Expected 17 digits: " + first17Digits);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean digits(String s, int count) {
        for (int i = 0; i < count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void requireValid(String id) {
        problem(id).ifPresent(key -> {
            throw new IllegalArgumentException(key + ": " + mask(id));
        });
    }

    private static LocalDate parseBirthDate(String id) {
        try {
            return LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
