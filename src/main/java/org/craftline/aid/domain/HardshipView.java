package org.craftline.aid.domain;

import java.time.LocalDate;

/** A hardship recognition as pages and the API show it. */
public record HardshipView(
        long id,
        long schoolId,
        String studentNumber,
        String studentName,
        int schoolYear,
        String level,
        String evidence,
        String decision,
        String reviewer,
        LocalDate reviewedOn,
        int version) {

    /** The school year as written, e.g. {@code 2026-2027}. */
    public String schoolYearText() {
        return schoolYear + "-" + (schoolYear + 1);
    }
}
