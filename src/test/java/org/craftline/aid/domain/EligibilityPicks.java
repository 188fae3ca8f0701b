package org.craftline.aid.domain;

/**
 * Makes the eligibility list's sampled total pick ids at random whatever the students drawn from
 * (see {@code EligibilityTotal.random}), for a test: the demo school is too small a share of the table
 * for that way to be the cheaper.
 */
public final class EligibilityPicks implements AutoCloseable {

    private final int before;

    private EligibilityPicks() {
        before = EligibilityTotal.pickMicrosForTests(0);
    }

    public static EligibilityPicks always() {
        return new EligibilityPicks();
    }

    @Override
    public void close() {
        EligibilityTotal.pickMicrosForTests(before);
    }
}
