package org.craftline.indicators;

import java.util.Map;
import java.util.Set;

/**
 * The schools an indicator is computed for, with the graduation year and follow-up point of the
 * cohort indicators.
 */
public record IndicatorScope(Set<Long> schoolIds, int year, String point) {

    /** The school condition of an indicator's SQL on the given column. */
    public String schools(String column) {
        return schoolIds.isEmpty() ? "1 = 0" : column + " IN (:schools)";
    }

    public Map<String, Object> params() {
        return Map.of("schools", schoolIds.isEmpty() ? Set.of(-1L) : schoolIds, "year", year, "point", point);
    }
}
