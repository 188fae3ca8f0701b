package org.craftline.internships.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Each of the 2021 rules on one placement that keeps them all, changed one fact at a time. */
class PlacementRulesTest {

    static PlacementFacts keeping() {
        return new PlacementFacts(
                InternshipKind.POST,
                LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 6, 30),
                LocalDate.of(2008, 1, 1),
                2025,
                true,
                BigDecimal.valueOf(8),
                5,
                false,
                false,
                false,
                BigDecimal.valueOf(2240),
                BigDecimal.valueOf(2800),
                LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 6, 30),
                true,
                null,
                false,
                null,
                true,
                true,
                0,
                9,
                100,
                0,
                5);
    }

    @Test
    void aPlacementThatKeepsEveryRuleBreaksNone() {
        // exactly 8 hours, 40 a week, 80% of the wage, the tenth intern of 100 staff, one of five in the post
        assertThat(PlacementRules.broken(keeping())).isEmpty();
    }

    @Test
    void hoursNightsOvertimeAndHolidaysAreRefused() {
        var f = keeping();
        assertThat(PlacementRules.broken(with(f, "hours", new BigDecimal("8.5"))))
                .contains(Rule.HOURS_PER_DAY);
        assertThat(PlacementRules.broken(with(f, "days", 6))).containsExactly(Rule.HOURS_PER_WEEK);
        assertThat(PlacementRules.broken(with(f, "nights", true))).containsExactly(Rule.NIGHT_SHIFTS);
        assertThat(PlacementRules.broken(with(f, "overtime", true))).containsExactly(Rule.OVERTIME);
        assertThat(PlacementRules.broken(with(f, "holidays", true))).containsExactly(Rule.PUBLIC_HOLIDAYS);
        assertThat(Rule.HOURS_PER_DAY.refuses()).isTrue();
    }

    @Test
    void theStudentsYearAgeAndGuardianAreChecked() {
        var f = keeping();
        assertThat(PlacementRules.broken(with(f, "entryYear", 2026))).containsExactly(Rule.FIRST_YEAR);
        assertThat(PlacementRules.inFirstYear(2025, LocalDate.of(2026, 8, 31))).isTrue();
        assertThat(PlacementRules.inFirstYear(2025, LocalDate.of(2026, 9, 1))).isFalse();
        // sixteen on the start date is old enough; a day short is not
        assertThat(PlacementRules.broken(with(f, "birth", LocalDate.of(2011, 3, 1))))
                .containsExactlyInAnyOrder(Rule.NO_GUARDIAN_CONSENT, Rule.NO_GUARDIAN_NAME);
        assertThat(PlacementRules.broken(with(f, "birth", LocalDate.of(2011, 3, 2))))
                .contains(Rule.UNDER_16);
        // a minor needs a legal guardian on the student's record too; an adult does not
        var minorWithoutGuardian = with(with(f, "birth", LocalDate.of(2011, 3, 1)), "guardianOnRecord", false);
        assertThat(PlacementRules.broken(minorWithoutGuardian))
                .containsExactlyInAnyOrder(Rule.NO_GUARDIAN_CONSENT, Rule.NO_GUARDIAN_NAME, Rule.NO_GUARDIAN_ON_RECORD);
        assertThat(PlacementRules.broken(with(f, "guardianOnRecord", false))).isEmpty();
        // the guardian named on the placement must be a legal guardian on the record
        var named = with(with(f, "birth", LocalDate.of(2011, 3, 1)), "guardian", "王建国");
        assertThat(PlacementRules.broken(with(named, "guardianNamed", false)))
                .containsExactlyInAnyOrder(Rule.NO_GUARDIAN_CONSENT, Rule.GUARDIAN_NOT_ON_RECORD);
        assertThat(PlacementRules.broken(named)).containsExactly(Rule.NO_GUARDIAN_CONSENT);
        assertThat(PlacementRules.broken(with(f, "enrolled", false))).containsExactly(Rule.NOT_ENROLLED);
    }

    @Test
    void theAgreementAndInsuranceMustCoverTheWholePeriod() {
        var f = keeping();
        assertThat(PlacementRules.broken(with(f, "agreement", false))).containsExactly(Rule.NO_AGREEMENT);
        assertThat(PlacementRules.broken(with(f, "agreementEnds", LocalDate.of(2027, 6, 29))))
                .containsExactly(Rule.AGREEMENT_ENDS_EARLY);
        assertThat(PlacementRules.broken(with(f, "insuredFrom", LocalDate.of(2027, 3, 2))))
                .containsExactly(Rule.INSURANCE);
        assertThat(PlacementRules.broken(with(f, "insuredTo", LocalDate.of(2027, 6, 29))))
                .containsExactly(Rule.INSURANCE);
    }

    @Test
    void payAndSharesWarnForWorkPlacementsOnly() {
        var f = keeping();
        assertThat(PlacementRules.broken(with(f, "pay", BigDecimal.valueOf(2239))))
                .containsExactly(Rule.PAY);
        assertThat(PlacementRules.broken(with(f, "unitInterns", 10L))).containsExactly(Rule.UNIT_SHARE);
        assertThat(PlacementRules.broken(with(f, "unitStaff", null))).containsExactly(Rule.UNIT_STAFF_UNKNOWN);
        assertThat(PlacementRules.broken(with(f, "postInterns", 1L))).containsExactly(Rule.POST_SHARE);
        assertThat(Rule.PAY.refuses()).isFalse();
        var visit = with(with(with(f, "kind", InternshipKind.COGNITIVE), "pay", BigDecimal.ZERO), "unitStaff", null);
        assertThat(PlacementRules.broken(visit)).isEmpty();
        assertThat(PlacementRules.broken(with(f, "overlaps", 1L))).containsExactly(Rule.OVERLAP);
    }

    /** The facts with one changed. */
    static PlacementFacts with(PlacementFacts f, String what, Object v) {
        return new PlacementFacts(
                what.equals("kind") ? (InternshipKind) v : f.kind(),
                f.startsOn(),
                f.endsOn(),
                what.equals("birth") ? (LocalDate) v : f.birthDate(),
                what.equals("entryYear") ? (Integer) v : f.entryYear(),
                what.equals("enrolled") ? (Boolean) v : f.enrolled(),
                what.equals("hours") ? (BigDecimal) v : f.hoursPerDay(),
                what.equals("days") ? (Integer) v : f.daysPerWeek(),
                what.equals("nights") ? (Boolean) v : f.nightShifts(),
                what.equals("overtime") ? (Boolean) v : f.overtime(),
                what.equals("holidays") ? (Boolean) v : f.publicHolidays(),
                what.equals("pay") ? (BigDecimal) v : f.monthlyPay(),
                f.postWage(),
                what.equals("insuredFrom") ? (LocalDate) v : f.insuredFrom(),
                what.equals("insuredTo") ? (LocalDate) v : f.insuredTo(),
                what.equals("agreement") ? (Boolean) v : f.hasAgreement(),
                what.equals("agreementEnds") ? (LocalDate) v : f.agreementEndsOn(),
                f.hasConsent(),
                what.equals("guardian") ? (String) v : f.guardianName(),
                what.equals("guardianOnRecord") ? (Boolean) v : f.legalGuardianOnRecord(),
                what.equals("guardianNamed") ? (Boolean) v : f.namedGuardianOnRecord(),
                what.equals("overlaps") ? (Long) v : f.overlappingPlacements(),
                what.equals("unitInterns") ? (Long) v : f.unitInterns(),
                what.equals("unitStaff") ? (Integer) v : f.unitStaff(),
                what.equals("postInterns") ? (Long) v : f.postInterns(),
                f.postHeadcount());
    }
}
