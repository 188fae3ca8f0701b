package org.craftline.internships.domain;

/** The grades of an internship's evaluation: 优, 良, 中, 及格, 不及格; only FAIL does not pass. */
public enum Grade {
    EXCELLENT,
    GOOD,
    FAIR,
    PASS,
    FAIL;

    public boolean passes() {
        return this != FAIL;
    }
}
