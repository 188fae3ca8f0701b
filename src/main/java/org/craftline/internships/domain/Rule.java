package org.craftline.internships.domain;

/**
 * The rules of 职业学校学生实习管理规定 (教职成〔2021〕4号) a placement is checked against at entry. A
 * refusing rule stops the placement; a warning may be accepted by an administrator with a reason.
 * Each names the form field it is shown at and its message key {@code internship.rule.<code>}.
 */
public enum Rule {
    FIRST_YEAR("kind", true),
    UNDER_16("studentNumber", true),
    NOT_ENROLLED("studentNumber", true),
    NO_AGREEMENT("agreement", true),
    AGREEMENT_ENDS_EARLY("agreementEndsOn", true),
    INSURANCE("insuredTo", true),
    NO_GUARDIAN_CONSENT("consent", true),
    NO_GUARDIAN_NAME("guardianName", true),
    /** A minor has no legal guardian on the student's record (the students' guardians). */
    NO_GUARDIAN_ON_RECORD("studentNumber", true),
    /** The guardian named on the placement is not a legal guardian on the student's record. */
    GUARDIAN_NOT_ON_RECORD("guardianName", true),
    HOURS_PER_DAY("hoursPerDay", true),
    HOURS_PER_WEEK("daysPerWeek", true),
    NIGHT_SHIFTS("nightShifts", true),
    OVERTIME("overtime", true),
    PUBLIC_HOLIDAYS("publicHolidays", true),
    OVERLAP("startsOn", true),
    PAY("monthlyPay", false),
    UNIT_SHARE("enterpriseId", false),
    UNIT_STAFF_UNKNOWN("enterpriseId", false),
    POST_SHARE("postHeadcount", false);

    private final String field;
    private final boolean refuses;

    Rule(String field, boolean refuses) {
        this.field = field;
        this.refuses = refuses;
    }

    public String field() {
        return field;
    }

    public boolean refuses() {
        return refuses;
    }

    public String messageKey() {
        return "internship.rule." + name();
    }
}
