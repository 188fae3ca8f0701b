package org.craftline.talent.domain;

/** What a certificate attests; each kind has its own grades ({@link Grade}). */
public enum CertificateKind {
    SKILL("职业技能等级证书", "Vocational skill certificate", "技能等级证书"),
    ONE_PLUS_X("1+X证书", "1+X certificate", "1+X 职业技能等级证书"),
    TITLE("职称", "Professional title", "工艺美术系列职称"),
    MASTER("大师称号", "Master honour", "大师");

    private final String zh;
    private final String en;
    private final String alias;

    CertificateKind(String zh, String en, String alias) {
        this.zh = zh;
        this.en = en;
        this.alias = alias;
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    /** The labels a spreadsheet may use, per constant in declaration order. */
    static String[][] labels() {
        CertificateKind[] all = values();
        String[][] labels = new String[all.length][];
        for (int i = 0; i < all.length; i++) {
            labels[i] = new String[] {all[i].zh, all[i].en, all[i].alias};
        }
        return labels;
    }

    /** A certificate number is required for all but master honours (often awarded without one). */
    public boolean numberRequired() {
        return this != MASTER;
    }
}
