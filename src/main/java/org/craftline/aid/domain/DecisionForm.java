package org.craftline.aid.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The school's decision on a student's aid in a term ({@code 2026-2027-1}): the waiver granted or not,
 * the grant's tier or none; saved as read at {@code version} (0 when none is recorded yet).
 */
public record DecisionForm(
        @Size(max = 10) String schoolCode,
        @NotBlank @Size(max = 30) String studentNumber,
        @NotBlank @Size(max = 11) String term,
        @NotNull Boolean waiver,
        GrantTier grantTier,
        Integer version) {}
