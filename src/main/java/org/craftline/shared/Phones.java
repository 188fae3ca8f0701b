package org.craftline.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland China mobile phone numbers: eleven digits starting 13 to 19. */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("[0-9]{11}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

    private Phones() {}

    /**
     * The number without spaces, hyphens and a +86 or 86 country prefix (dropped only when eleven
     * digits follow it); "" for null or blank input.
     */
    public static String normalise(String raw) {
        String s = Text.normalise(raw);
        if (s == null || s.isEmpty()) {
            return "";
        }
        s = SEPARATORS.matcher(s).replaceAll("");
        for (String prefix : new String[] {"+86", "86"}) {
            if (s.startsWith(prefix)
                    && ELEVEN_DIGITS.matcher(s.substring(prefix.length())).matches()) {
                return s.substring(prefix.length());
            }
        }
        return s;
    }

    /** Empty when the normalised number is a mobile number, otherwise the message key {@code phone.format}. */
    public static Optional<String> problem(String normalised) {
        return normalised != null && MOBILE.matcher(normalised).matches()
                ? Optional.empty()
                : Optional.of("phone.format");
    }

    /** The number with all but the first three and last four characters starred, e.g. {@code 138****5678}. */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 8) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
