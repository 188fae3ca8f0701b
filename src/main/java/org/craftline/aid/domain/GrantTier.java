package org.craftline.aid.domain;

import java.math.BigDecimal;
import java.util.Optional;
import org.craftline.shared.Labels;

/**
 * The tiers of the national grant (国家助学金) and their amounts a school year; a term pays half. The
 * national standard is about 2,000 yuan a year on average, which the three tiers keep.
 */
public enum GrantTier {
    TIER1("2500.00"),
    TIER2("2000.00"),
    TIER3("1500.00");

    static final String[][] LABELS = {{"一档", "Tier 1"}, {"二档", "Tier 2"}, {"三档", "Tier 3"}};

    private final BigDecimal yearly;

    GrantTier(String yearly) {
        this.yearly = new BigDecimal(yearly);
    }

    public BigDecimal yearly() {
        return yearly;
    }

    /** What one term pays: half the year's amount. */
    public BigDecimal perTerm() {
        return yearly.divide(BigDecimal.valueOf(2)).setScale(2);
    }

    public String label(boolean english) {
        return LABELS[ordinal()][english ? 1 : 0];
    }

    static Optional<GrantTier> parse(String text) {
        return Labels.parse(GrantTier.class, text, LABELS);
    }
}
