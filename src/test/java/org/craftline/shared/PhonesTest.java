package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {

    @Test
    void normaliseDropsSpacesAndHyphens() {
        assertThat(Phones.normalise(" 138 1234 5678 ")).isEqualTo("13812345678");
        assertThat(Phones.normalise("138-1234-5678")).isEqualTo("13812345678");
    }

    @Test
    void normaliseDropsTheCountryPrefixBeforeElevenDigits() {
        assertThat(Phones.normalise("+86 138 1234 5678")).isEqualTo("13812345678");
        assertThat(Phones.normalise("+86-13812345678")).isEqualTo("13812345678");
        assertThat(Phones.normalise("8613812345678")).isEqualTo("13812345678");
    }

    @Test
    void normaliseKeepsThePrefixWhenElevenDigitsDoNotFollow() {
        assertThat(Phones.normalise("+861381234567")).isEqualTo("+861381234567");
        assertThat(Phones.normalise("861381234567")).isEqualTo("861381234567");
        assertThat(Phones.normalise("86138123456789")).isEqualTo("86138123456789");
    }

    @Test
    void normaliseAcceptsFullWidthInput() {
        assertThat(Phones.normalise("＋８６\u3000１３８－１２３４－５６７８")).isEqualTo("13812345678");
    }

    @Test
    void normaliseTurnsNullAndBlankIntoEmpty() {
        assertThat(Phones.normalise(null)).isEmpty();
        assertThat(Phones.normalise(" \u3000 ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13812345678",
                "14700000000",
                "15912345678",
                "16612345678",
                "17712345678",
                "18612345678",
                "19912345678"
            })
    void mobileNumbersHaveNoProblem(String phone) {
        assertThat(Phones.problem(phone)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "138123456789", // 12 digits
                "1381234567", // 10 digits
                "01012345678", // Beijing landline with area code
                "02112345678", // Shanghai landline
                "010-12345678",
                "12812345678", // second digit 2
                "10812345678", // second digit 0
                "23812345678",
                "+8613812345678", // not normalised
                "1381234567a",
                "１３８１２３４５６７８" // full-width, not normalised
            })
    void otherNumbersAreAFormatProblem(String phone) {
        assertThat(Phones.problem(phone)).contains("phone.format");
    }

    @Test
    void nullIsAFormatProblem() {
        assertThat(Phones.problem(null)).contains("phone.format");
    }

    @Test
    void normalisedLandlineIsStillRejected() {
        assertThat(Phones.problem(Phones.normalise("010-8888 6666"))).contains("phone.format");
        assertThat(Phones.problem(Phones.normalise("+86 10 8888 6666"))).contains("phone.format");
    }

    @Test
    void maskKeepsFirstThreeAndLastFour() {
        assertThat(Phones.mask("13812345678")).isEqualTo("138****5678");
        assertThat(Phones.mask("12345678")).isEqualTo("123*5678");
    }

    @Test
    void maskStarsShortValuesEntirelyAndKeepsNull() {
        assertThat(Phones.mask(null)).isNull();
        assertThat(Phones.mask("")).isEmpty();
        assertThat(Phones.mask("1234567")).isEqualTo("*******");
    }
}
