package org.craftline.students;

import org.craftline.support.PostgresTest;

/** The students list on PostgreSQL: a long list's total is the planner's estimate ("about N"). */
@PostgresTest
class StudentListIT extends StudentListChecks {

    @Override
    boolean estimates() {
        return true;
    }
}
