package org.craftline.students;

import org.craftline.support.H2Test;

/** The students list on H2, the embedded default: the same order, cursor and searches; totals exact. */
@H2Test
class StudentListH2Test extends StudentListChecks {

    @Override
    boolean estimates() {
        return false;
    }
}
