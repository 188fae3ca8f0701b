package org.craftline.aid.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An enrolled student of years 1 to 3 in a term: what the records say (household, the major's
 * agriculture flag, an approved hardship recognition of the school year), what that makes it eligible
 * for, and the school's decision when there is one.
 */
public record EligibilityView(
        long studentId,
        String schoolCode,
        String studentNumber,
        String name,
        String majorCode,
        String majorName,
        int studyYear,
        boolean rural,
        boolean agriculture,
        String hardshipLevel,
        boolean waiverEligible,
        boolean grantEligible,
        Boolean waiver,
        String grantTier,
        Integer decisionVersion) {

    /** Why the student is eligible: {@code RURAL}, {@code AGRICULTURE}, {@code HARDSHIP} (a property of the JSON too). */
    public List<String> getReasons() {
        List<String> reasons = new ArrayList<>();
        if (rural) {
            reasons.add("RURAL");
        }
        if (agriculture) {
            reasons.add("AGRICULTURE");
        }
        if (hardshipLevel != null) {
            reasons.add("HARDSHIP");
        }
        return reasons;
    }

    public boolean decided() {
        return decisionVersion != null;
    }
}
