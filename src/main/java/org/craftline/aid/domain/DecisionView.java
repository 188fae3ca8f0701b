package org.craftline.aid.domain;

import java.time.OffsetDateTime;

/** A student's aid in a term as the school decided it. */
public record DecisionView(
        long id,
        long schoolId,
        String studentNumber,
        String term,
        boolean waiver,
        String grantTier,
        String decidedBy,
        OffsetDateTime decidedAt,
        int version) {}
