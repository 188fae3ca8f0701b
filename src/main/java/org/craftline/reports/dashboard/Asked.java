package org.craftline.reports.dashboard;

import org.craftline.indicators.Indicators;

/**
 * The query of a dashboard or a comparison, bound from the request parameters: a school, region or
 * group (none: the user's own), the graduation year and the follow-up point.
 */
record Asked(String school, String region, Long group, Integer year, String point) {

    Indicators.Request request() {
        return new Indicators.Request(school, region, group, year, point, null);
    }

    /** A comparison is of a region or group (a school alone compares with nothing). */
    Indicators.Request schoolsRequest() {
        return new Indicators.Request(null, region, group, year, point, null);
    }
}
