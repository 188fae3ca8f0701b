package org.craftline.social.domain;

import java.util.Optional;
import org.craftline.shared.Labels;

/** A trainee's household registration: rural (农村) or urban (城镇). */
public enum Household {
    RURAL("农村", "Rural", "农业", "农业户口", "农村户口"),
    URBAN("城镇", "Urban", "非农业", "非农业户口", "城镇户口");

    private final String[] labels;

    Household(String... labels) {
        this.labels = labels;
    }

    public String label(boolean english) {
        return labels[english ? 1 : 0];
    }

    static Optional<Household> parse(String text) {
        return Labels.parse(Household.class, text, RURAL.labels, URBAN.labels);
    }
}
