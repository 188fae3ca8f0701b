package org.craftline.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/** Yuan amounts: exact decimals with two places, never floating point. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d{1,2})?");

    private Money() {}

    /** The amount with exactly two places; null counts as zero (an empty sum). */
    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? ZERO : amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /**
     * A positive amount typed in a spreadsheet cell ("1,234.50", "¥800", "1234.5"); empty when it is
     * not a number, has more than two places, or is not positive.
     */
    public static Optional<BigDecimal> parsePositive(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String plain =
                text.strip().replace("¥", "").replace("￥", "").replace(",", "").replace("，", "");
        if (!PLAIN.matcher(plain).matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(plain);
        return amount.signum() > 0 && amount.compareTo(LIMIT) < 0 ? Optional.of(of(amount)) : Optional.empty();
    }
}
