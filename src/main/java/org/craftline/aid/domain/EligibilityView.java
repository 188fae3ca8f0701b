package org.craftline.aid.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A student of years 1 to 3 in school in a term: what the records say as of {@code asOf} (the term's
 * first day, or the student's first day in school in the term): year of study, major and its
 * agriculture flag; household, an approved hardship recognition of the school year, full-time, a 学籍号
 * (or the term being the student's first); what that makes it eligible for, and the school's decision
 * when there is one.
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
        Integer decisionVersion,
        LocalDate asOf,
        boolean fullTime,
        boolean registered,
        boolean firstTerm) {

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

    /**
     * Why a student the reasons above would qualify cannot have aid: {@code PART_TIME} (not 全日制),
     * {@code NOT_REGISTERED} (no 学籍号 after its first term); a property of the JSON too.
     */
    public List<String> getNotEligibleReasons() {
        List<String> reasons = new ArrayList<>();
        if (!fullTime) {
            reasons.add("PART_TIME");
        }
        if (!registered && !firstTerm) {
            reasons.add("NOT_REGISTERED");
        }
        return reasons;
    }

    public boolean decided() {
        return decisionVersion != null;
    }
}
