package org.craftline.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.craftline.jobs.domain.Ranking.Candidate;
import org.craftline.jobs.domain.Ranking.Reason;
import org.junit.jupiter.api.Test;

class RankingTest {

    // a hand-built fixture: id, fits (major and level), level wanted, local, jobless, skill rank
    static final Candidate FITS_FAR = new Candidate(1, true, true, false, false, 4);
    static final Candidate FITS_LOCAL = new Candidate(2, true, true, true, false, 3);
    static final Candidate FITS_LOCAL_JOBLESS = new Candidate(3, true, true, true, true, 2);
    static final Candidate JOBLESS_LOCAL = new Candidate(4, false, true, true, true, 0);
    static final Candidate JOBLESS_FAR = new Candidate(5, false, true, false, true, 5);
    static final Candidate NEITHER = new Candidate(6, false, true, true, false, 5);
    static final Candidate FITS_FAR_LOWER = new Candidate(7, true, true, false, false, 2);
    static final Candidate FITS_FAR_SAME = new Candidate(8, true, true, false, false, 2);

    static final List<Candidate> ALL = List.of(
            JOBLESS_FAR,
            FITS_FAR_SAME,
            NEITHER,
            FITS_FAR,
            JOBLESS_LOCAL,
            FITS_LOCAL,
            FITS_FAR_LOWER,
            FITS_LOCAL_JOBLESS);

    @Test
    void fittingPeopleFirstThenTheJobless_localOnesFirstWithinEach() {
        assertThat(Ranking.rank(ALL, 10))
                .containsExactly(
                        FITS_LOCAL_JOBLESS,
                        FITS_LOCAL,
                        FITS_FAR,
                        FITS_FAR_LOWER,
                        FITS_FAR_SAME,
                        JOBLESS_LOCAL,
                        JOBLESS_FAR);
    }

    @Test
    void aPersonWhoNeitherFitsNorLacksWorkIsNeverRecommended() {
        assertThat(Ranking.rank(ALL, 10)).doesNotContain(NEITHER);
    }

    @Test
    void neverMoreThanFivePerPlace() {
        assertThat(Ranking.cap(1)).isEqualTo(5);
        assertThat(Ranking.rank(ALL, 1)).hasSize(5).endsWith(FITS_FAR_SAME);
    }

    @Test
    void theReasonsShownAreTheFactsThatCounted() {
        assertThat(Ranking.reasons(FITS_LOCAL_JOBLESS))
                .containsExactly(Reason.MAJOR, Reason.LEVEL, Reason.JOBLESS, Reason.LOCAL);
        assertThat(Ranking.reasons(JOBLESS_FAR)).containsExactly(Reason.JOBLESS);
        assertThat(Ranking.reasons(new Candidate(9, true, false, false, false, 0)))
                .as("no level wanted: none claimed")
                .containsExactly(Reason.MAJOR);
    }

    @Test
    void theSqlOrdersByTheSameWeights() {
        assertThat(Ranking.orderSql("f", "l", "j", "r", "id")).isEqualTo("(4 * f + 2 * l + 1 * j) DESC, r DESC, id");
        assertThat(Ranking.score(FITS_LOCAL_JOBLESS)).isEqualTo(7);
        assertThat(Ranking.score(JOBLESS_LOCAL)).isGreaterThan(Ranking.score(JOBLESS_FAR));
    }
}
