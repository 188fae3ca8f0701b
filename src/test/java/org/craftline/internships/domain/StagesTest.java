package org.craftline.internships.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** When logs are written and the evaluation filed, as docs/architecture.md states it. */
class StagesTest {

    static final LocalDate START = LocalDate.of(2026, 3, 4); // a Wednesday
    static final LocalDate END = LocalDate.of(2026, 6, 30);

    @Test
    void logsRunFromTheStartWhateverTheStatusSaysUntilThePlacementEnds() {
        assertThat(Stages.logsOpen(InternshipStatus.IN_PROGRESS, START, START.minusDays(9)))
                .isTrue();
        assertThat(Stages.logsOpen(InternshipStatus.PLANNED, START, START)).isTrue();
        assertThat(Stages.logsOpen(InternshipStatus.PLANNED, START, START.minusDays(1)))
                .isFalse();
        assertThat(Stages.logsOpen(InternshipStatus.ENDED, START, START.plusDays(7)))
                .isFalse();
        assertThat(Stages.logsOpen(InternshipStatus.ENDED_EARLY, START, START.plusDays(7)))
                .isFalse();
    }

    @Test
    void aLogIsForTheMondayOfAWeekOfThePlacementAlreadyBegun() {
        LocalDate today = LocalDate.of(2026, 4, 15);
        assertThat(Stages.weekProblem(LocalDate.of(2026, 3, 2), START, END, today))
                .isNull();
        assertThat(Stages.weekProblem(LocalDate.of(2026, 4, 13), START, END, today))
                .isNull();
        assertThat(Stages.weekProblem(LocalDate.of(2026, 4, 14), START, END, today))
                .isEqualTo("internship.log.week.monday");
        assertThat(Stages.weekProblem(LocalDate.of(2026, 2, 23), START, END, today))
                .isEqualTo("internship.log.week.outside");
        assertThat(Stages.weekProblem(LocalDate.of(2026, 7, 6), START, END, LocalDate.of(2026, 8, 1)))
                .isEqualTo("internship.log.week.outside");
        assertThat(Stages.weekProblem(LocalDate.of(2026, 4, 20), START, END, today))
                .isEqualTo("internship.log.week.future");
    }

    @Test
    void theEvaluationOpensAtTheEndDateOrWhenThePlacementEnded() {
        assertThat(Stages.evaluationOpen(InternshipStatus.IN_PROGRESS, END, END.minusDays(1)))
                .isFalse();
        assertThat(Stages.evaluationOpen(InternshipStatus.IN_PROGRESS, END, END))
                .isTrue();
        assertThat(Stages.evaluationOpen(InternshipStatus.ENDED_EARLY, END, START))
                .isTrue();
        assertThat(Stages.evaluationOpen(InternshipStatus.ENDED, END, END)).isTrue();
        assertThat(Stages.evaluationOpen(InternshipStatus.PLANNED, END, END.plusDays(1)))
                .isFalse();
    }
}
