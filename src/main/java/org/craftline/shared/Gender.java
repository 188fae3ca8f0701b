package org.craftline.shared;

/** A person's gender as recorded on the resident identity card. */
public enum Gender {
    MALE,
    FEMALE
}
