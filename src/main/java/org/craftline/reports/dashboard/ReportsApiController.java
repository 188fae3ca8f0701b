package org.craftline.reports.dashboard;

import org.craftline.indicators.Indicators;
import org.craftline.reports.Languages;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/dashboard} (headline figures and every chart's table of a school, group or
 * region) and {@code GET /api/v1/reports/comparison} (the schools side by side, sorted).
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
    Dashboard.View dashboard(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long group,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String point,
            @RequestParam(required = false) String lang) {
        Indicators.Request request =
                subjects.defaults(new Indicators.Request(school, region, group, year, point, null));
        return dashboard.of(request, Languages.locale(lang));
    }

    @GetMapping("/api/v1/reports/comparison")
    Comparison.View comparison(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long group,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String point,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String lang) {
        return comparison.of(
                subjects.defaults(new Indicators.Request(null, region, group, year, point, null)),
                sort,
                dir,
                Languages.locale(lang));
    }
}
