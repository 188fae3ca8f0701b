package org.craftline.enterprises;

/** The industry of an enterprise, as the cluster's employment figures group it. */
public enum Industry {
    JADE_CARVING,
    CARPET,
    ARTS_CRAFTS,
    OTHER
}
