package org.craftline.internships.domain;

import java.time.OffsetDateTime;

/**
 * A placement's final evaluation: the mentor's grade, then the school's, which is the placement's
 * grade and decides whether it passed (version 0 and no grades while none is filed).
 */
public record EvaluationView(
        Grade mentorGrade,
        String mentorComment,
        String mentorBy,
        OffsetDateTime mentorAt,
        Grade schoolGrade,
        String schoolComment,
        String schoolBy,
        OffsetDateTime schoolAt,
        Boolean passed,
        int version) {

    static final EvaluationView NONE = new EvaluationView(null, null, null, null, null, null, null, null, null, 0);

    public boolean mentorFiled() {
        return mentorGrade != null;
    }

    public boolean schoolFiled() {
        return schoolGrade != null;
    }
}
