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

    /**
     * The school condition of an indicator's SQL on the given column: the region's schools by its
     * path when the scope is a whole region (one parameter, not one per school), else the ids.
     */
    public String schools(String column) {
        if (schoolIds.isEmpty()) {
            return "1 = 0";
        }
        return region != null ? column + " IN (" + REGION_SCHOOLS + ")" : column + " IN (:schools)";
    }

    /** The schools of region {@code :region} and its sub-regions. */
    static final String REGION_SCHOOLS = "SELECT rs.id FROM school rs JOIN region rr ON rr.id = rs.region_id"
            + " WHERE rr.path LIKE (SELECT ra.path FROM region ra WHERE ra.id = :region) || '%'";

    /** The path of region {@code :region}, the key of its sums in the summaries. */
    public static final String REGION_PATH = "(SELECT rp.path FROM region rp WHERE rp.id = :region)";

    public Map<String, Object> params() {
        return Map.of(
                "schools",
                schoolIds.isEmpty() ? Set.of(-1L) : schoolIds,
                "year",
                year,
                "point",
                point,
                "term",
                term,
                "region",
                region == null ? -1L : region);
    }
}
