package org.craftline.reports.dashboard;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.craftline.indicators.Indicators;

/**
 * The query of a dashboard or a comparison, bound from the request parameters: a school, region or
 * group (none: the user's own), the graduation year and the follow-up point.
 */
record Asked(
        @Parameter(description = SCHOOL) String school,
        @Parameter(description = REGION) String region,
        @Parameter(description = GROUP) Long group,
        @Parameter(description = YEAR) Integer year,

        @Parameter(
                description = POINT,
                schema = @Schema(allowableValues = {"AT_GRADUATION", "MONTHS_6", "YEAR_1", "YEAR_3", "LATER"}))
        String point) {

    // the API description lists these query parameters (springdoc's @ParameterObject), not the record
    static final String SCHOOL = "national school code; with region and group left out, the user's own school";
    static final String REGION = "region code: the schools of the region";
    static final String GROUP = "vocational education group: the schools of the group";
    static final String YEAR = "graduation year (default: the latest with graduates)";
    static final String POINT = "follow-up point of the graduates (default AT_GRADUATION)";

    /** An empty parameter (e.g. {@code ?school=}) is no parameter: the user's own dashboard. */
    Asked {
        school = trimmed(school);
        region = trimmed(region);
        point = trimmed(point);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    Indicators.Request request() {
        return new Indicators.Request(school, region, group, year, point, null);
    }

    /** The same query again (URL-encoded, unset parameters left out), with extra name/value pairs. */
    String query(String... extra) {
        List<String> pairs = new ArrayList<>();
        add(pairs, "school", school);
        add(pairs, "region", region);
        add(pairs, "group", group);
        add(pairs, "year", year);
        add(pairs, "point", point);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            add(pairs, extra[i], extra[i + 1]);
        }
        return String.join("&", pairs);
    }

    private static void add(List<String> pairs, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            pairs.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    /** A comparison is of a region or group (a school alone compares with nothing). */
    Indicators.Request schoolsRequest() {
        return new Indicators.Request(null, region, group, year, point, null);
    }
}
