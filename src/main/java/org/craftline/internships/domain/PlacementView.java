package org.craftline.internships.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A placement as its readers see it. The mentor's phone is masked for all but the school's own
 * users and the enterprise; the guardian's name is shown to the school only. No ID number appears.
 */
public record PlacementView(
        long id,
        String schoolCode,
        String schoolName,
        String studentNumber,
        String studentName,
        String className,
        long enterpriseId,
        String enterpriseName,
        InternshipKind kind,
        String post,
        int postHeadcount,
        boolean matched,
        LocalDate startsOn,
        LocalDate endsOn,
        String supervisorNumber,
        String supervisorName,
        String mentorName,
        String mentorPhone,
        BigDecimal hoursPerDay,
        int daysPerWeek,
        boolean nightShifts,
        boolean overtime,
        boolean publicHolidays,
        BigDecimal monthlyPay,
        BigDecimal postWage,
        String insurer,
        String policyNumber,
        LocalDate insuredFrom,
        LocalDate insuredTo,
        String agreementName,
        LocalDate agreementEndsOn,
        boolean minor,
        String guardianName,
        String consentName,
        InternshipStatus status,
        LocalDate endedOn,
        String endReason,
        String acceptedWarnings,
        String acceptanceReason,
        boolean atRisk,
        int version) {

    public boolean hasAgreement() {
        return agreementName != null;
    }

    public boolean hasConsent() {
        return consentName != null;
    }

    /** What the audit log keeps: no phone, no guardian. */
    PlacementView audited() {
        return shownTo(false, false);
    }

    PlacementView shownTo(boolean schoolSide, boolean phoneShown) {
        return new PlacementView(
                id,
                schoolCode,
                schoolName,
                studentNumber,
                studentName,
                className,
                enterpriseId,
                enterpriseName,
                kind,
                post,
                postHeadcount,
                matched,
                startsOn,
                endsOn,
                supervisorNumber,
                supervisorName,
                mentorName,
                phoneShown ? mentorPhone : org.craftline.shared.Phones.mask(mentorPhone),
                hoursPerDay,
                daysPerWeek,
                nightShifts,
                overtime,
                publicHolidays,
                monthlyPay,
                postWage,
                insurer,
                policyNumber,
                insuredFrom,
                insuredTo,
                agreementName,
                agreementEndsOn,
                minor,
                schoolSide ? guardianName : null,
                consentName,
                status,
                endedOn,
                endReason,
                acceptedWarnings,
                acceptanceReason,
                atRisk,
                version);
    }
}
