package org.craftline.indicators;

import org.craftline.support.PostgresTest;

/** The summaries' contract on PostgreSQL (statement-level triggers with transition tables). */
@PostgresTest
class SummariesIT extends SummariesContract {

    @Override
    int writes() {
        return 40;
    }
}
