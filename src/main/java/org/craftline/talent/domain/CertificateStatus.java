package org.craftline.talent.domain;

/** Whether a certificate or honour is in force; honours may lapse. */
public enum CertificateStatus {
    VALID("有效", "Valid"),
    LAPSED("已失效", "Lapsed");

    private final String zh;
    private final String en;

    CertificateStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    static String[][] labels() {
        return new String[][] {{VALID.zh, VALID.en}, {LAPSED.zh, LAPSED.en}};
    }
}
