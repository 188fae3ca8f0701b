package org.craftline.students.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** 学籍状态. */
public enum StudentStatus {
    ENROLLED("在读", "Enrolled"),
    SUSPENDED("休学", "Suspended"),
    TRANSFERRED("转学", "Transferred"),
    WITHDRAWN("退学", "Withdrawn"),
    /** 结业: left without meeting the graduation conditions. */
    COMPLETED("结业", "Completed without graduating"),
    /** 肄业: left after at least a year of study, with a certificate of it. */
    INCOMPLETE("肄业", "Left with a certificate of study"),
    GRADUATED("毕业", "Graduated"),
    /** 注销: the registration annulled. */
    CANCELLED("注销", "Registration cancelled");

    private static final Map<String, StudentStatus> ALIASES =
            Map.of("在校", ENROLLED, "转出", TRANSFERRED, "已毕业", GRADUATED);

    final String zh;
    final String en;

    StudentStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    /** From a spreadsheet cell: the Chinese or English word or the constant's name. */
    public static Optional<StudentStatus> parse(String text) {
        for (StudentStatus s : values()) {
            if (s.zh.equals(text) || s.en.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        return Optional.ofNullable(ALIASES.get(text == null ? "" : text.toLowerCase(Locale.ROOT)));
    }
}
