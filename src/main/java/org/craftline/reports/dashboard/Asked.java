package org.craftline.reports.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.craftline.indicators.Indicators;

/**
 * The query of a dashboard or a comparison, bound from the request parameters: a school, region or
 * group (none: the user's own), the graduation year and the follow-up point.
 */
record Asked(String school, String region, Long group, Integer year, String point) {

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
