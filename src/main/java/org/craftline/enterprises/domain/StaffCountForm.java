package org.craftline.enterprises.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A unit's current staff as a school user heard it, and the version of the enterprise it was read at. */
public record StaffCountForm(
        @NotNull @Min(1) @Max(1_000_000) Integer staffCount, Integer version) {}
