package org.craftline.students.domain;

import java.util.Locale;
import java.util.Optional;

/** How a guardian is related to the student. */
public enum GuardianRelation {
    FATHER("父亲", "Father", "父", "爸爸"),
    MOTHER("母亲", "Mother", "母", "妈妈"),
    GRANDPARENT("祖父母", "Grandparent", "祖父", "祖母", "外祖父", "外祖母", "外祖父母", "爷爷", "奶奶", "外公", "外婆"),
    SIBLING("兄弟姐妹", "Sibling", "哥哥", "姐姐", "兄", "姐"),
    RELATIVE("其他亲属", "Other relative", "亲属", "叔叔", "伯父", "姑姑", "舅舅", "阿姨", "姨妈"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;
    private final String[] aliases;

    GuardianRelation(String zh, String en, String... aliases) {
        this.zh = zh;
        this.en = en;
        this.aliases = aliases;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    /** From a form, an API body or a spreadsheet cell: the constant's name, its label in either language, or a common word for it. */
    public static Optional<GuardianRelation> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        for (GuardianRelation r : values()) {
            if (r.zh.equals(t) || r.en.equalsIgnoreCase(t) || r.name().equals(t.toUpperCase(Locale.ROOT))) {
                return Optional.of(r);
            }
            for (String alias : r.aliases) {
                if (alias.equals(t)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }
}
