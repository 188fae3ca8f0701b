package org.craftline.students.domain;

import java.util.Optional;

/** Household registration: rural (农村) or urban (城镇). */
public enum Household {
    RURAL("农村", "Rural", "农业", "农业户口", "农村户口"),
    URBAN("城镇", "Urban", "非农业", "非农业户口", "城镇户口");

    final String zh;
    final String en;
    private final String[] aliases;

    Household(String zh, String en, String... aliases) {
        this.zh = zh;
        this.en = en;
        this.aliases = aliases;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    public static Optional<Household> parse(String text) {
        for (Household h : values()) {
            if (h.zh.equals(text) || h.en.equalsIgnoreCase(text) || h.name().equalsIgnoreCase(text)) {
                return Optional.of(h);
            }
            for (String alias : h.aliases) {
                if (alias.equals(text)) {
                    return Optional.of(h);
                }
            }
        }
        return Optional.empty();
    }
}
