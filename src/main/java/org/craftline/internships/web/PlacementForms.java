package org.craftline.internships.web;

import org.craftline.internships.domain.PlacementForm;
import org.craftline.internships.domain.PlacementView;

/** A stored placement as the form that changes it, opened at its current version. */
final class PlacementForms {

    private PlacementForms() {}

    static PlacementForm of(PlacementView p) {
        return new PlacementForm(
                p.schoolCode(),
                p.studentNumber(),
                p.enterpriseId(),
                p.kind(),
                p.post(),
                p.postHeadcount(),
                p.startsOn(),
                p.endsOn(),
                p.supervisorNumber(),
                p.mentorName(),
                p.mentorPhone(),
                p.hoursPerDay(),
                p.daysPerWeek(),
                p.nightShifts(),
                p.overtime(),
                p.publicHolidays(),
                p.monthlyPay(),
                p.postWage(),
                p.insurer(),
                p.policyNumber(),
                p.insuredFrom(),
                p.insuredTo(),
                p.agreementEndsOn(),
                p.guardianName(),
                false,
                p.acceptanceReason(),
                p.version());
    }
}
