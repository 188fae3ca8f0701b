package org.craftline.reports.dashboard;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.craftline.reports.support.Languages;
import org.springdoc.core.annotations.ParameterObject;
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
    Dashboard.View dashboard(@ParameterObject Asked asked, @RequestParam(required = false) String lang) {
        return dashboard.of(subjects.defaults(asked.request()), Languages.locale(lang));
    }

    // a comparison is of a region or group: the record's school is not read, so it is not listed
    @GetMapping("/api/v1/reports/comparison")
    @Parameter(name = "region", in = ParameterIn.QUERY, description = Asked.REGION)
    @Parameter(name = "group", in = ParameterIn.QUERY, description = Asked.GROUP, schema = @Schema(type = "integer"))
    @Parameter(name = "year", in = ParameterIn.QUERY, description = Asked.YEAR, schema = @Schema(type = "integer"))
    @Parameter(name = "point", in = ParameterIn.QUERY, description = Asked.POINT)
    Comparison.View comparison(
            @Parameter(hidden = true) Asked asked,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String lang) {
        return comparison.of(subjects.defaults(asked.schoolsRequest()), sort, dir, Languages.locale(lang));
    }
}
