package org.craftline.employment.domain;

import java.time.LocalDate;

/** One point of a graduate's career timeline, with the version a change of it sends back. */
public record DestinationView(
        String followUp,
        LocalDate recordedOn,
        String kind,
        Long enterpriseId,
        String employer,
        String position,
        boolean localJob,
        boolean matched,
        String matchedReason,
        String source,
        boolean confirmed,
        boolean latest,
        String channel,
        String sector,
        String payBand,
        Boolean contract,
        Boolean insured,
        boolean abroad,
        int version) {}
