package org.craftline.indicators;

import org.craftline.platform.Tenancy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's API of the summaries: {@code GET /api/v1/admin/summaries} (state), {@code POST
 * .../verify} (differences from the records, 0 when exact), {@code POST .../rebuild}.
 */
@RestController
class SummariesApiController {

    private final Summaries summaries;
    private final Tenancy tenancy;

    SummariesApiController(Summaries summaries, Tenancy tenancy) {
        this.summaries = summaries;
        this.tenancy = tenancy;
    }

    @GetMapping("/api/v1/admin/summaries")
    Summaries.State state() {
        tenancy.scope().checkWriteShared();
        return summaries.state();
    }

    @PostMapping("/api/v1/admin/summaries/verify")
    Summaries.Verification verify() {
        tenancy.scope().checkWriteShared();
        return summaries.verify();
    }

    /** Rebuilds every summary from the records; answers the state after. */
    @PostMapping("/api/v1/admin/summaries/rebuild")
    Summaries.State rebuild() {
        tenancy.scope().checkWriteShared();
        summaries.rebuild();
        return summaries.state();
    }
}
