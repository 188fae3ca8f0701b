package org.craftline.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** China's 18-character unified social credit code (GB 32100-2015). */
public final class CreditCodes {

    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String SET = "[0-9A-HJ-NP-RTUWXY]";
    private static final Pattern FORMAT = Pattern.compile("[1-9ANY]" + SET + "[0-9]{6}" + SET + "{10}");
    private static final Pattern BODY = Pattern.compile(SET + "{17}");
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {}

    /** The code without whitespace, hyphens or full-width characters, upper-cased; "" for null or blank. */
    public static String normalise(String raw) {
        String s = Text.normalise(raw);
        if (s == null || s.isEmpty()) {
            return "";
        }
        return s.replaceAll("[\\s-]+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Empty when the normalised code is valid, otherwise the message key of the first problem:
     * {@code creditCode.format} or {@code creditCode.checksum}.
     */
    public static Optional<String> problem(String normalised) {
        if (normalised == null || !FORMAT.matcher(normalised).matches()) {
            return Optional.of("creditCode.format");
        }
        if (checkCharacter(normalised.substring(0, 17)) != normalised.charAt(17)) {
            return Optional.of("creditCode.checksum");
        }
        return Optional.empty();
    }

    /** The six-digit administrative division code (positions 3 to 8) of a valid code. */
    public static String countyOf(String validCode) {
        problem(validCode).ifPresent(key -> {
            throw new IllegalArgumentException(key + ": " + validCode);
        });
        return validCode.substring(2, 8);
    }

    /**
     * The GB 32100 check character for the first 17 characters of a code, which must all come from
     * the code's 31-character set.
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || !BODY.matcher(first17).matches()) {
            throw new IllegalArgumentException("Expected 17 credit code characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return CHARACTERS.charAt((31 - sum % 31) % 31);
    }
}
