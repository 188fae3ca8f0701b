package org.craftline.shared;

/** Lowers the exact-count cap of every list for a test (a list of a few rows is then "about N"). */
public final class ListTotalsCap implements AutoCloseable {

    private ListTotalsCap(int rows) {
        ListTotals.capForTests(rows);
    }

    public static ListTotalsCap of(int rows) {
        return new ListTotalsCap(rows);
    }

    @Override
    public void close() {
        ListTotals.capForTests(ListTotals.COUNT_CAP);
    }
}
