package org.craftline.employment.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A destination at a follow-up point. For an employer in the registry give its id; otherwise its name
 * and whether it lies in the school's county. {@code matchedOverride} with a reason replaces the rule.
 * {@code terms}: channel, sector, pay band, contract, insurance, abroad ({@link EmploymentTerms});
 * left out (null), those recorded at the point are kept while the kind still takes them.
 * {@code version}: the point's version as read (0 while nothing is recorded at it).
 */
public record DestinationForm(
        @NotNull FollowUp followUp,
        @NotNull LocalDate recordedOn,
        @NotNull DestinationKind kind,
        Long enterpriseId,
        @Size(max = 200) String employerName,
        @Size(max = 100) String position,
        Boolean local,
        Boolean matchedOverride,
        @Size(max = 200) String matchedReason,
        @Valid EmploymentTerms terms,
        Integer version) {}
