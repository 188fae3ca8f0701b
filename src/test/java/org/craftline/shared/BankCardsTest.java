package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BankCardsTest {

    @Test
    void masksAllButTheFirstAndLastFourWhateverTheLength() {
        assertThat(BankCards.mask("6222021234567891234")).isEqualTo("6222 **** **** 1234");
        assertThat(BankCards.mask("622202123456")).isEqualTo("6222 **** **** 3456");
        assertThat(BankCards.mask("12345")).isEqualTo("*****");
        assertThat(BankCards.mask(null)).isNull();
    }

    @Test
    void acceptsTwelveToNineteenDigitsAfterSpacesAndHyphens() {
        assertThat(BankCards.normalise(" 6222 0212-3456 7891 ")).isEqualTo("6222021234567891");
        assertThat(BankCards.problem("6222021234567891")).isEmpty();
        assertThat(BankCards.problem("622202123456")).isEmpty();
        assertThat(BankCards.problem("6222021234567891234")).isEmpty();
        assertThat(BankCards.problem("62220212345")).contains("bankCard.format");
        assertThat(BankCards.problem("62220212345678912345")).contains("bankCard.format");
        assertThat(BankCards.problem("6222O21234567891")).contains("bankCard.format");
        assertThat(BankCards.problem(BankCards.normalise(null))).contains("bankCard.format");
    }
}
