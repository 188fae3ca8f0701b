package org.craftline.indicators;

import java.util.Map;
import java.util.Set;

/**
 * The schools an indicator is computed for, with the graduation year and follow-up point of the
 * cohort indicators and the term (e.g. {@code 2025-2026-1}) of the practical-training rate.
 */
public record IndicatorScope(Set<Long> schoolIds, int year, String point, String term) {

    /** The school condition of an indicator's SQL on the given column. */
    public String schools(String column) {
        return schoolIds.isEmpty() ? "1 = 0" : column + " IN (:schools)";
    }

    public Map<String, Object> params() {
        return Map.of(
                "schools", schoolIds.isEmpty() ? Set.of(-1L) : schoolIds, "year", year, "point", point, "term", term);
    }
}
