package org.craftline.internships.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** The 2021 rules as plain checks: the rules a planned placement breaks, refusing ones and warnings alike. */
final class PlacementRules {

    static final BigDecimal MAX_HOURS_PER_DAY = BigDecimal.valueOf(8);
    static final BigDecimal MAX_HOURS_PER_WEEK = BigDecimal.valueOf(40);
    static final BigDecimal MIN_PAY_SHARE = new BigDecimal("0.8");
    /** Interns at most 10% of the unit's staff and 20% of one post's. */
    static final BigDecimal UNIT_SHARE = new BigDecimal("0.1");

    static final BigDecimal POST_SHARE = new BigDecimal("0.2");

    private PlacementRules() {}

    static Set<Rule> broken(PlacementFacts f) {
        Set<Rule> broken = EnumSet.noneOf(Rule.class);
        student(f, broken);
        files(f, broken);
        hours(f, broken);
        if (f.overlappingPlacements() > 0) {
            broken.add(Rule.OVERLAP);
        }
        // pay and the interns' shares are rules of 岗位实习: a 认识实习 visit fills no post
        if (f.kind() == InternshipKind.POST) {
            shares(f, broken);
            if (f.monthlyPay().compareTo(f.postWage().multiply(MIN_PAY_SHARE)) < 0) {
                broken.add(Rule.PAY);
            }
        }
        return broken;
    }

    /** A student is in its first year until the September after its intake. */
    static boolean inFirstYear(int entryYear, LocalDate on) {
        return on.isBefore(LocalDate.of(entryYear + 1, 9, 1));
    }

    static boolean isMinor(LocalDate birthDate, LocalDate on) {
        return birthDate.plusYears(18).isAfter(on);
    }

    private static void student(PlacementFacts f, Set<Rule> broken) {
        if (!f.enrolled()) {
            broken.add(Rule.NOT_ENROLLED);
        }
        if (f.kind() == InternshipKind.POST && inFirstYear(f.entryYear(), f.startsOn())) {
            broken.add(Rule.FIRST_YEAR);
        }
        if (f.birthDate().plusYears(16).isAfter(f.startsOn())) {
            broken.add(Rule.UNDER_16);
        }
    }

    private static void files(PlacementFacts f, Set<Rule> broken) {
        if (!f.hasAgreement()) {
            broken.add(Rule.NO_AGREEMENT);
        } else if (f.agreementEndsOn() != null && f.agreementEndsOn().isBefore(f.endsOn())) {
            broken.add(Rule.AGREEMENT_ENDS_EARLY);
        }
        if (f.insuredFrom().isAfter(f.startsOn()) || f.insuredTo().isBefore(f.endsOn())) {
            broken.add(Rule.INSURANCE);
        }
        if (isMinor(f.birthDate(), f.startsOn())) {
            if (!f.hasConsent()) {
                broken.add(Rule.NO_GUARDIAN_CONSENT);
            }
            if (f.guardianName() == null || f.guardianName().isBlank()) {
                broken.add(Rule.NO_GUARDIAN_NAME);
            }
            if (!f.legalGuardianOnRecord()) {
                broken.add(Rule.NO_GUARDIAN_ON_RECORD);
            } else if (f.guardianName() != null && !f.guardianName().isBlank() && !f.namedGuardianOnRecord()) {
                broken.add(Rule.GUARDIAN_NOT_ON_RECORD);
            }
        }
    }

    private static void hours(PlacementFacts f, Set<Rule> broken) {
        if (f.hoursPerDay().compareTo(MAX_HOURS_PER_DAY) > 0) {
            broken.add(Rule.HOURS_PER_DAY);
        }
        if (f.hoursPerDay().multiply(BigDecimal.valueOf(f.daysPerWeek())).compareTo(MAX_HOURS_PER_WEEK) > 0) {
            broken.add(Rule.HOURS_PER_WEEK);
        }
        if (f.nightShifts()) {
            broken.add(Rule.NIGHT_SHIFTS);
        }
        if (f.overtime()) {
            broken.add(Rule.OVERTIME);
        }
        if (f.publicHolidays()) {
            broken.add(Rule.PUBLIC_HOLIDAYS);
        }
    }

    /** The placement itself counts among the interns it is checked with. */
    private static void shares(PlacementFacts f, Set<Rule> broken) {
        if (f.unitStaff() == null || f.unitStaff() <= 0) {
            broken.add(Rule.UNIT_STAFF_UNKNOWN);
        } else if (over(f.unitInterns() + 1, f.unitStaff(), UNIT_SHARE)) {
            broken.add(Rule.UNIT_SHARE);
        }
        if (over(f.postInterns() + 1, f.postHeadcount(), POST_SHARE)) {
            broken.add(Rule.POST_SHARE);
        }
    }

    private static boolean over(long interns, int staff, BigDecimal share) {
        return BigDecimal.valueOf(interns).compareTo(BigDecimal.valueOf(staff).multiply(share)) > 0;
    }
}
