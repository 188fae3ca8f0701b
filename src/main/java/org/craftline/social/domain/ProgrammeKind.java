package org.craftline.social.domain;

import java.util.Optional;
import org.craftline.shared.Labels;

/** What a programme is: rural labour transfer training, a short course, or another kind. */
public enum ProgrammeKind {
    LABOUR_TRANSFER("农村劳动力转移培训", "Rural labour transfer"),
    SHORT_COURSE("短期培训", "Short course"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    ProgrammeKind(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    static Optional<ProgrammeKind> parse(String text) {
        String[][] labels = new String[values().length][];
        for (ProgrammeKind k : values()) {
            labels[k.ordinal()] = new String[] {k.zh, k.en};
        }
        return Labels.parse(ProgrammeKind.class, text, labels);
    }
}
