package org.craftline.reports.dashboard;

import org.craftline.reports.support.Languages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/dashboard?school|region|group&year&point&lang} (headline figures and every
 * chart's table) and {@code GET /api/v1/reports/comparison?region|group&year&point&sort&dir&lang} (the
 * schools side by side, sorted); without a subject, the user's own.
 */
@RestController
class ReportsApiController {

    private final Dashboard dashboard;
    private final Comparison comparison;
    private final Subjects subjects;

    ReportsApiController(Dashboard dashboard, Comparison comparison, Subjects subjects) {
        this.dashboard = dashboard;
        this.comparison = comparison;
        this.subjects = subjects;
    }

    @GetMapping("/api/v1/reports/dashboard")
    Dashboard.View dashboard(Asked asked, @RequestParam(required = false) String lang) {
        return dashboard.of(subjects.defaults(asked.request()), Languages.locale(lang));
    }

    @GetMapping("/api/v1/reports/comparison")
    Comparison.View comparison(
            Asked asked,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String lang) {
        return comparison.of(subjects.defaults(asked.schoolsRequest()), sort, dir, Languages.locale(lang));
    }
}
