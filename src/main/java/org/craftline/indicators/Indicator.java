package org.craftline.indicators;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** One indicator of product.md: a name, and its value for a scope computed by SQL. */
public interface Indicator {

    String name();

    /** A number (a count, or a rate between 0 and 1), or null when it is undefined (no denominator). */
    Number compute(IndicatorScope scope);

    /**
     * The value of each school of the scope on its own (with the scope's year, point and term), for
     * a comparison or a rank. One computation per school unless the indicator answers all at once.
     */
    default Map<Long, Number> each(IndicatorScope scope) {
        Map<Long, Number> values = new LinkedHashMap<>();
        for (Long id : scope.schoolIds()) {
            values.put(id, compute(new IndicatorScope(Set.of(id), scope.year(), scope.point(), scope.term())));
        }
        return values;
    }
}
