package org.craftline.talent.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The grades of every kind with their rank within the kind (1 = lowest), stored as
 * {@code certificate.grade_rank}: the indicators compare ranks, so they must not change. The
 * apprentice level (学徒工, added to the skill levels in 2021) sits below 初级工 at rank 0, so that
 * no stored rank moved; a person without a skill certificate is rank -1 where one is needed.
 */
public enum Grade {
    APPRENTICE(CertificateKind.SKILL, 0, "学徒工", "Apprentice"),
    LEVEL_5(CertificateKind.SKILL, 1, "初级工", "Level 5 (junior worker)"),
    LEVEL_4(CertificateKind.SKILL, 2, "中级工", "Level 4 (intermediate worker)"),
    LEVEL_3(CertificateKind.SKILL, 3, "高级工", "Level 3 (senior worker)"),
    LEVEL_2(CertificateKind.SKILL, 4, "技师", "Level 2 (technician)"),
    LEVEL_1(CertificateKind.SKILL, 5, "高级技师", "Level 1 (senior technician)"),
    SPECIAL(CertificateKind.SKILL, 6, "特级技师", "Special technician"),
    CHIEF(CertificateKind.SKILL, 7, "首席技师", "Chief technician"),
    ELEMENTARY(CertificateKind.ONE_PLUS_X, 1, "初级", "Elementary"),
    INTERMEDIATE(CertificateKind.ONE_PLUS_X, 2, "中级", "Intermediate"),
    ADVANCED(CertificateKind.ONE_PLUS_X, 3, "高级", "Advanced"),
    ARTS_CRAFTSMAN(CertificateKind.TITLE, 1, "工艺美术员", "Arts and crafts technician"),
    ASSISTANT(CertificateKind.TITLE, 2, "助理工艺美术师", "Assistant arts and crafts master"),
    ARTS_MASTER(CertificateKind.TITLE, 3, "工艺美术师", "Arts and crafts master"),
    SENIOR(CertificateKind.TITLE, 4, "高级工艺美术师", "Senior arts and crafts master"),
    PROFESSOR(CertificateKind.TITLE, 5, "正高级工艺美术师", "Professor-level arts and crafts master"),
    MUNICIPAL(CertificateKind.MASTER, 1, "市级", "Municipal"),
    PROVINCIAL(CertificateKind.MASTER, 2, "省级", "Provincial"),
    NATIONAL(CertificateKind.MASTER, 3, "国家级", "National");

    private final CertificateKind kind;
    private final int rank;
    private final String zh;
    private final String en;

    Grade(CertificateKind kind, int rank, String zh, String en) {
        this.kind = kind;
        this.rank = rank;
        this.zh = zh;
        this.en = en;
    }

    public CertificateKind kind() {
        return kind;
    }

    public int rank() {
        return rank;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    public static List<Grade> of(CertificateKind kind) {
        return Arrays.stream(values()).filter(g -> g.kind == kind).toList();
    }

    /**
     * The skill levels a school may designate as making a senior craftsman: any but the apprentice
     * level, which is below 初级工.
     */
    public static List<Grade> seniorSkillChoices() {
        return of(CertificateKind.SKILL).stream().filter(g -> g != APPRENTICE).toList();
    }

    public static Optional<Grade> ofRank(CertificateKind kind, int rank) {
        return of(kind).stream().filter(g -> g.rank == rank).findFirst();
    }

    /** A grade of the kind from a spreadsheet cell: its name, or its Chinese or English label. */
    static Optional<Grade> parse(CertificateKind kind, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return of(kind).stream()
                .filter(g -> g.name().toLowerCase(Locale.ROOT).equals(wanted)
                        || g.zh.equals(text.trim())
                        || g.en.toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }
}
