package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TermTest {

    @Test
    void autumnRunsFromSeptemberToJanuaryAndSpringFromFebruaryToAugust() {
        assertThat(Term.of(LocalDate.of(2025, 9, 1))).hasToString("2025-2026-1");
        assertThat(Term.of(LocalDate.of(2025, 12, 31))).hasToString("2025-2026-1");
        assertThat(Term.of(LocalDate.of(2026, 1, 31))).hasToString("2025-2026-1");
        assertThat(Term.of(LocalDate.of(2026, 2, 1))).hasToString("2025-2026-2");
        assertThat(Term.of(LocalDate.of(2026, 8, 31))).hasToString("2025-2026-2");
        assertThat(Term.of(LocalDate.of(2024, 2, 29))).hasToString("2023-2024-2");
    }

    @Test
    void startAndEndAreTheTermsFirstAndLastDays() {
        Term autumn = Term.parse("2025-2026-1");
        assertThat(autumn.start()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(autumn.end()).isEqualTo(LocalDate.of(2026, 1, 31));
        Term spring = Term.parse("2023-2024-2");
        assertThat(spring.start()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(spring.end()).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(Term.of(spring.start())).isEqualTo(spring);
        assertThat(Term.of(spring.end())).isEqualTo(spring);
        assertThat(Term.of(spring.end().plusDays(1))).isEqualTo(spring.next());
        assertThat(autumn.contains(LocalDate.of(2026, 1, 31))).isTrue();
        assertThat(autumn.contains(LocalDate.of(2026, 2, 1))).isFalse();
    }

    @Test
    void previousAndNextStepOneTerm() {
        assertThat(Term.parse("2025-2026-1").previous()).hasToString("2024-2025-2");
        assertThat(Term.parse("2025-2026-2").previous()).hasToString("2025-2026-1");
        assertThat(Term.parse("2025-2026-2").next()).hasToString("2026-2027-1");
        assertThat(Term.parse("2025-2026-1").next().previous()).hasToString("2025-2026-1");
    }

    @Test
    void parseReadsWhatToStringWritesAndTheTextSortsInTimeOrder() {
        assertThat(Term.parse(" 2025-2026-2 ")).isEqualTo(new Term(2025, 2));
        assertThat(Term.parse("2025-2026-2").toString()).isEqualTo("2025-2026-2");
        assertThat(Term.parse("2024-2025-2")).isLessThan(Term.parse("2025-2026-1"));
        assertThat("2024-2025-2").isLessThan("2025-2026-1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2025-2027-1",
                "2025-2026-3",
                "2025-2026-0",
                "2025-2025-1",
                "25-26-1",
                "2025/2026/1",
                "2025-2026",
                "2025-2026-1x"
            })
    void badTermsAreAFieldError(String text) {
        assertThatThrownBy(() -> Term.parse(text))
                .isInstanceOf(InvalidFieldException.class)
                .extracting("field", "messageKey")
                .containsExactly("term", "term.invalid");
    }

    @Test
    void nullIsAFieldErrorToo() {
        assertThatThrownBy(() -> Term.parse(null)).isInstanceOf(InvalidFieldException.class);
    }
}
