package org.craftline.shared;

import java.util.Locale;
import java.util.Optional;

/** Reads an enum constant from a spreadsheet cell: its name, or one of the labels given per constant. */
public final class Labels {

    private Labels() {}

    /**
     * @param labels for each constant in declaration order, its accepted labels (e.g. Chinese and English)
     */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text, String[]... labels) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        E[] constants = type.getEnumConstants();
        for (int i = 0; i < constants.length; i++) {
            if (constants[i].name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(constants[i]);
            }
            for (String label : i < labels.length ? labels[i] : new String[0]) {
                if (label.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return Optional.of(constants[i]);
                }
            }
        }
        return Optional.empty();
    }
}
