package org.craftline.talent.domain;

import java.time.LocalDate;

/**
 * A graduate holding a valid master honour, at the highest level held, with the honour of that
 * level, the year it was awarded, where the graduate works now and whether it consented to be
 * published ({@code null}: never asked) with that consent's version (0: never asked).
 */
public record MasterView(
        String schoolCode,
        String studentNumber,
        String name,
        String level,
        String honour,
        int masterYear,
        int graduationYear,
        String enterprise,
        Boolean consented,
        LocalDate consentGivenOn,
        int consentVersion) {}
