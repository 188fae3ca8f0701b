package org.craftline.indicators;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/indicators?school=|region=|group=&year=&point=&term=}: every indicator for that scope. */
@RestController
class IndicatorsApiController {

    private final Indicators indicators;
    private final EmploymentBreakdowns breakdowns;

    IndicatorsApiController(Indicators indicators, EmploymentBreakdowns breakdowns) {
        this.indicators = indicators;
        this.breakdowns = breakdowns;
    }

    /** {@code GET /api/v1/indicators/breakdown?school=|region=|group=&year=}: the ministry's breakdown by point. */
    @GetMapping("/api/v1/indicators/breakdown")
    java.util.List<EmploymentBreakdowns.View> breakdown(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long group,
            @RequestParam(required = false) Integer year) {
        var scope = indicators.resolve(new Indicators.Request(school, region, group, year, null, null));
        return breakdowns.byPoint(scope).stream()
                .map(EmploymentBreakdowns.View::of)
                .toList();
    }

    /** {@code GET /api/v1/indicators/follow-up-responses?school=|region=|group=&year=}: the rounds' response by point. */
    @GetMapping("/api/v1/indicators/follow-up-responses")
    java.util.List<EmploymentBreakdowns.Response> responses(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long group,
            @RequestParam(required = false) Integer year) {
        return breakdowns.responses(
                indicators.resolve(new Indicators.Request(school, region, group, year, null, null)));
    }

    /**
     * {@code GET /api/v1/indicators/employer-ratings?school=|region=|group=&year=}: the employer survey of
     * the year's graduates: units asked and answered, mean skills and attitude, would hire again.
     */
    @GetMapping("/api/v1/indicators/employer-ratings")
    EmploymentBreakdowns.EmployerRatings employers(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long group,
            @RequestParam(required = false) Integer year) {
        return breakdowns.employers(
                indicators.resolve(new Indicators.Request(school, region, group, year, null, null)));
    }

    @GetMapping("/api/v1/indicators")
    Indicators.Answer indicators(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Long group,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String point,
            @RequestParam(required = false) String term) {
        return indicators.compute(new Indicators.Request(school, region, group, year, point, term));
    }
}
