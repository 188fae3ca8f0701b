package org.craftline.enterprises.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A unit's current staff as a school user heard it, and the version of the enterprise it was read at. */
public record StaffCountForm(@NotNull @Min(1) @Max(MAX) Integer staffCount, Integer version) {

    static final int MAX = 1_000_000;

    /** A sheet's cell: null when empty, -1 when it is no whole number from 1 to {@link #MAX}. */
    static Integer parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 1 && n <= MAX ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
