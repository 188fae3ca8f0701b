package org.craftline.aid.domain;

import java.util.Optional;
import org.craftline.shared.Labels;

/** What a ledger entry pays: the tuition waiver (免学费) or the national grant (国家助学金). */
public enum AidKind {
    WAIVER,
    GRANT;

    static final String[][] LABELS = {{"免学费", "Tuition waiver"}, {"国家助学金", "National grant"}};

    public String label(boolean english) {
        return LABELS[ordinal()][english ? 1 : 0];
    }

    static Optional<AidKind> parse(String text) {
        return Labels.parse(AidKind.class, text, LABELS);
    }
}
