package org.craftline.jobs.domain;

import java.util.List;

/**
 * One recommended person as its viewer sees it: a school user sees the student number, a unit
 * only the name, major, level and graduation year (never an ID number or phone).
 * {@code skillRank}: the highest valid SKILL certificate rank, 0 apprentice (学徒工), -1 none.
 */
public record Recommendation(
        int rank,
        String studentNumber,
        String name,
        String major,
        Integer graduationYear,
        int skillRank,
        List<Ranking.Reason> reasons) {}
