package org.craftline.indicators;

/** One indicator of product.md: a name, and its value for a scope computed by SQL. */
public interface Indicator {

    String name();

    /** A number (a count, or a rate between 0 and 1), or null when it is undefined (no denominator). */
    Number compute(IndicatorScope scope);
}
