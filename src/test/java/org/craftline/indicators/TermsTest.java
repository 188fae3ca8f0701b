package org.craftline.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TermsTest {

    @Test
    void theAutumnTermRunsFromSeptemberToJanuaryAndTheSpringTermFromFebruaryToAugust() {
        assertThat(Terms.of(LocalDate.of(2025, 9, 1))).isEqualTo("2025-2026-1");
        assertThat(Terms.of(LocalDate.of(2026, 1, 31))).isEqualTo("2025-2026-1");
        assertThat(Terms.of(LocalDate.of(2026, 2, 1))).isEqualTo("2025-2026-2");
        assertThat(Terms.of(LocalDate.of(2026, 8, 31))).isEqualTo("2025-2026-2");
    }

    @Test
    void aTermIsTwoConsecutiveYearsAndOneOrTwo() {
        assertThat(Terms.valid("2025-2026-1")).isTrue();
        assertThat(Terms.valid("2025-2026-2")).isTrue();
        assertThat(Terms.valid("2025-2026-3")).isFalse();
        assertThat(Terms.valid("2025-2027-1")).isFalse();
        assertThat(Terms.valid("2025-26-1")).isFalse();
    }
}
