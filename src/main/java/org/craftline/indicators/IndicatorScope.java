package org.craftline.indicators;

import java.util.Map;
import java.util.Set;

/**
 * The schools an indicator is computed for, with the graduation year and follow-up point of the
 * cohort indicators and the term (e.g. {@code 2025-2026-1}) of the practical-training rate; and,
 * when the schools are exactly those of a region, that region (its sums answer distinct counts).
 */
public record IndicatorScope(Set<Long> schoolIds, int year, String point, String term, Long region) {

    public IndicatorScope(Set<Long> schoolIds, int year, String point, String term) {
        this(schoolIds, year, point, term, null);
    }

    /** The school condition of an indicator's SQL on the given column. */
    public String schools(String column) {
        return schoolIds.isEmpty() ? "1 = 0" : column + " IN (:schools)";
    }

    public Map<String, Object> params() {
        return Map.of(
                "schools", schoolIds.isEmpty() ? Set.of(-1L) : schoolIds, "year", year, "point", point, "term", term);
    }
}
