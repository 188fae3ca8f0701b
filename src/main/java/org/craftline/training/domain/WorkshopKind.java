package org.craftline.training.domain;

/** An on-campus training room or master studio, or a training base (on or off campus). */
public enum WorkshopKind {
    WORKSHOP,
    BASE
}
