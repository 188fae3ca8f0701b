package org.craftline.indicators;

import org.craftline.support.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The summaries' contract on H2 (a row-level Java trigger, SummaryLogTrigger), in an H2 database of
 * its own: its random writes change the demo's figures, which other H2 tests assert exactly.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:summaries;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=30000",
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD
        })
class SummariesH2Test extends SummariesContract {

    /** Every kind of write once (12), then some at random: a write the service refuses is retried by chance only. */
    @Override
    int writes() {
        return 18;
    }
}
