package org.craftline.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bank card numbers (银行卡号) as aid is paid to them: 12 to 19 digits. No Luhn check: most Chinese
 * debit cards pass it, but not every card a county bank issued does, and refusing a real card stops a
 * payment; the number is checked against the bank's own records when it is paid.
 */
public final class BankCards {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{12,19}");

    private BankCards() {}

    /** The number without spaces and hyphens; "" for null or blank input. */
    public static String normalise(String raw) {
        String s = Text.normalise(raw);
        return s == null ? "" : s.replaceAll("[\\s-]", "");
    }

    /** Empty when the normalised number is 12 to 19 digits, otherwise the message key {@code bankCard.format}. */
    public static Optional<String> problem(String normalised) {
        return normalised != null && DIGITS.matcher(normalised).matches()
                ? Optional.empty()
                : Optional.of("bankCard.format");
    }

    /**
     * The first four and last four digits with the middle starred in groups, e.g. {@code 6222 **** **** 1234},
     * whatever the length (the mask does not tell it either); a short value is starred whole.
     */
    public static String mask(String card) {
        if (card == null) {
            return null;
        }
        if (card.length() < 12) {
            return "*".repeat(card.length());
        }
        return card.substring(0, 4) + " **** **** " + card.substring(card.length() - 4);
    }

    /** Whether a value is already masked (a form sends the masked value back to keep the stored one). */
    public static boolean masked(String value) {
        return value != null && value.contains("*");
    }
}
