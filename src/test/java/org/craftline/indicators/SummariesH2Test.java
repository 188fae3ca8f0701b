package org.craftline.indicators;

import org.craftline.support.H2Test;

/** The summaries' contract on H2 (a row-level Java trigger, SummaryLogTrigger). */
@H2Test
class SummariesH2Test extends SummariesContract {

    @Override
    int writes() {
        return 15;
    }
}
