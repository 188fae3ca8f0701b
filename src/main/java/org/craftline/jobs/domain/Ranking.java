package org.craftline.jobs.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How recommendations for a posting are ranked: those of a wanted major who hold the wanted level
 * first, then graduates without work (latest destination UNEMPLOYED or UNKNOWN); local ones first
 * within each; then those without work; then the higher skill level. The SQL that pre-selects the
 * shown ones orders by {@link #scoreSql} of the same weights, so the two never disagree.
 */
public final class Ranking {

    /** How many recommendations a posting shows at most, per place offered. */
    public static final int PER_PLACE = 5;

    static final int FITS = 4;
    static final int LOCAL = 2;
    static final int JOBLESS = 1;

    private Ranking() {}

    /** Why a person is recommended, as shown beside the person. */
    public enum Reason {
        MAJOR,
        LEVEL,
        JOBLESS,
        LOCAL
    }

    /**
     * A person's facts for one posting. {@code fits}: a wanted major and the wanted level held;
     * {@code levelWanted}: the posting asks a level; {@code skillRank}: the highest valid SKILL rank, 0 apprentice, -1 none.
     */
    public record Candidate(
            long studentId, boolean fits, boolean levelWanted, boolean local, boolean jobless, int skillRank) {}

    public static int score(Candidate c) {
        return (c.fits() ? FITS : 0) + (c.local() ? LOCAL : 0) + (c.jobless() ? JOBLESS : 0);
    }

    /** Highest score first, then the higher level, then the older record: the same order as the SQL. */
    public static final Comparator<Candidate> ORDER = Comparator.comparingInt(Ranking::score)
            .reversed()
            .thenComparing(Comparator.comparingInt(Candidate::skillRank).reversed())
            .thenComparingLong(Candidate::studentId);

    public static List<Candidate> rank(List<Candidate> candidates, int headcount) {
        return candidates.stream()
                .filter(c -> c.fits() || c.jobless())
                .sorted(ORDER)
                .limit(cap(headcount))
                .toList();
    }

    public static int cap(int headcount) {
        return Math.max(0, headcount) * PER_PLACE;
    }

    public static List<Reason> reasons(Candidate c) {
        List<Reason> reasons = new ArrayList<>();
        if (c.fits()) {
            reasons.add(Reason.MAJOR);
            if (c.levelWanted()) {
                reasons.add(Reason.LEVEL);
            }
        }
        if (c.jobless()) {
            reasons.add(Reason.JOBLESS);
        }
        if (c.local()) {
            reasons.add(Reason.LOCAL);
        }
        return reasons;
    }

    /** The score in SQL, from 0/1 columns of the three facts. */
    static String scoreSql(String fits, String local, String jobless) {
        return "(" + FITS + " * " + fits + " + " + LOCAL + " * " + local + " + " + JOBLESS + " * " + jobless + ")";
    }

    /** The ORDER BY of {@link #ORDER} in SQL. */
    static String orderSql(String fits, String local, String jobless, String skillRank, String studentId) {
        return scoreSql(fits, local, jobless) + " DESC, " + skillRank + " DESC, " + studentId;
    }
}
