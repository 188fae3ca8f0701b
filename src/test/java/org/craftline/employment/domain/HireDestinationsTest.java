package org.craftline.employment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The follow-up point a hire falls in, counted from 1 July of the graduation year. */
class HireDestinationsTest {

    @Test
    void pointsFollowTheMonthsSinceGraduation() {
        assertThat(HireDestinations.pointOn(2026, LocalDate.of(2026, 5, 20))).isEqualTo(FollowUp.AT_GRADUATION);
        assertThat(HireDestinations.pointOn(2026, LocalDate.of(2026, 12, 31))).isEqualTo(FollowUp.AT_GRADUATION);
        assertThat(HireDestinations.pointOn(2026, LocalDate.of(2027, 1, 1))).isEqualTo(FollowUp.MONTHS_6);
        assertThat(HireDestinations.pointOn(2026, LocalDate.of(2027, 7, 1))).isEqualTo(FollowUp.YEAR_1);
        assertThat(HireDestinations.pointOn(2026, LocalDate.of(2029, 7, 1))).isEqualTo(FollowUp.YEAR_3);
        assertThat(HireDestinations.pointOn(2026, LocalDate.of(2030, 7, 1))).isEqualTo(FollowUp.LATER);
    }
}
