package org.craftline.internships.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the rules are checked on: the placement as planned, the student, what else is on record
 * (other placements of the student, the unit's and the post's interns over the same period) and
 * which signed files there are, and whether a legal guardian is on the student's record.
 */
record PlacementFacts(
        InternshipKind kind,
        LocalDate startsOn,
        LocalDate endsOn,
        LocalDate birthDate,
        int entryYear,
        boolean enrolled,
        BigDecimal hoursPerDay,
        int daysPerWeek,
        boolean nightShifts,
        boolean overtime,
        boolean publicHolidays,
        BigDecimal monthlyPay,
        BigDecimal postWage,
        LocalDate insuredFrom,
        LocalDate insuredTo,
        boolean hasAgreement,
        LocalDate agreementEndsOn,
        boolean hasConsent,
        String guardianName,
        boolean legalGuardianOnRecord,
        boolean namedGuardianOnRecord,
        long overlappingPlacements,
        long unitInterns,
        Integer unitStaff,
        long postInterns,
        int postHeadcount) {}
