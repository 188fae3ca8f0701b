package org.craftline.platform;

/**
 * A module's share of the demo installation, loaded once at first start in one transaction, in
 * ascending {@link #order()}. Must be deterministic: the same data on every fresh start.
 */
public interface DemoContributor {

    /** Position in the load; organisation data comes first (100), users after it (900). */
    int order();

    void load();
}
