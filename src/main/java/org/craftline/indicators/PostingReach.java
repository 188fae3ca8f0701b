package org.craftline.indicators;

import java.util.List;

/**
 * The postings of a year within reach of a scope's schools, as the jobs figures count them: a posting
 * belongs to the year of its deadline, and reaches a school when its unit is registered in the
 * school's county or the school published it; a posting the school hid from its students is left out.
 */
public final class PostingReach {

    /** {@code FROM} and {@code WHERE} of the postings; {@code %s} take the school conditions on {@link #COLUMNS}. */
    static final String OF_YEAR = """
            posting p JOIN enterprise e ON e.id = p.enterprise_id
            WHERE EXTRACT(YEAR FROM p.deadline) = :year
              AND (%s OR e.region_id IN (SELECT sc.region_id FROM school sc WHERE %s))
              AND NOT EXISTS (SELECT 1 FROM posting_hidden h WHERE h.posting_id = p.id AND %s)
            """;

    static final List<String> COLUMNS = List.of("p.school_id", "sc.id", "h.school_id");

    private PostingReach() {}

    /**
     * The postings of the scope's year, as {@code posting p JOIN enterprise e ... WHERE ...}, to follow a
     * {@code FROM}; binds {@code :year} and {@code :schools} of {@link IndicatorScope#params()}.
     */
    public static String of(IndicatorScope scope) {
        return OF_YEAR.formatted(COLUMNS.stream().map(scope::schools).toArray());
    }
}
