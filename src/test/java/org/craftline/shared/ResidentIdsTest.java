package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    /** A valid-checksum number from Beijing Chaoyang (110105), the given birth date and sequence 123. */
    private static String idBornOn(String yyyyMMdd) {
        return withCheck("110105" + yyyyMMdd + "123");
    }

    private static String withCheck(String body) {
        return body + ResidentIds.checkCharacter(body);
    }

    @Test
    void publishedSampleNumbersHaveTheExpectedCheckCharacters() {
        // GB 11643 example 11010519491231002X, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
        // 1*7 + 1*9 + 0*10 + 1*5 + 0*8 + 5*4 + 1*2 + 9*1 + 4*6 + 9*3 + 1*7 + 2*9 + 3*10 + 1*5 + 0*8 + 0*4 + 2*2
        // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 -> "10X98765432"[2] = X
        assertThat(ResidentIds.checkCharacter("11010519491231002")).isEqualTo('X');
        // Common example 34052419800101001X:
        // 3*7 + 4*9 + 0*10 + 5*5 + 2*8 + 4*4 + 1*2 + 9*1 + 8*6 + 0*3 + 0*7 + 1*9 + 0*10 + 1*5 + 0*8 + 0*4 + 1*2
        // = 21+36+0+25+16+16+2+9+48+0+0+9+0+5+0+0+2 = 189; 189 mod 11 = 2 -> X
        assertThat(ResidentIds.checkCharacter("34052419800101001")).isEqualTo('X');
        // Common example 440524188001010014:
        // 4*7 + 4*9 + 0*10 + 5*5 + 2*8 + 4*4 + 1*2 + 8*1 + 8*6 + 0*3 + 0*7 + 1*9 + 0*10 + 1*5 + 0*8 + 0*4 + 1*2
        // = 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 -> "10X98765432"[8] = 4
        assertThat(ResidentIds.checkCharacter("44052418800101001")).isEqualTo('4');

        assertThat(ResidentIds.problem("11010519491231002X")).isEmpty();
        assertThat(ResidentIds.problem("34052419800101001X")).isEmpty();
        // its checksum is right, but a birth in 1880 is before the 1900 cut-off
        assertThat(ResidentIds.problem("440524188001010014")).contains("residentId.birthDate");
    }

    @ParameterizedTest
    @CsvSource({
        // only the 17th digit (weight 2) is non-zero, so the sum is twice that digit
        "00000000000000000, 1", // sum 0, remainder 0
        "00000000000000006, 0", // sum 12, remainder 1
        "00000000000000001, X", // sum 2, remainder 2
        "00000000000000007, 9", // sum 14, remainder 3
        "00000000000000002, 8", // sum 4, remainder 4
        "00000000000000008, 7", // sum 16, remainder 5
        "00000000000000003, 6", // sum 6, remainder 6
        "00000000000000009, 5", // sum 18, remainder 7
        "00000000000000004, 4", // sum 8, remainder 8
        "10000000000000001, 3", // sum 7 + 2 = 9, remainder 9
        "00000000000000005, 2", // sum 10, remainder 10
    })
    void checkCharacterMapsEveryRemainder(String body, char expected) {
        assertThat(ResidentIds.checkCharacter(body)).isEqualTo(expected);
    }

    @Test
    void checkCharacterRejectsAnythingButSeventeenDigits() {
        assertThatThrownBy(() -> ResidentIds.checkCharacter(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIds.checkCharacter("1101051949123100"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIds.checkCharacter("110105194912310021"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIds.checkCharacter("1101051949123100A"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normaliseUpperCasesTrailingXAndRemovesSpaces() {
        assertThat(ResidentIds.normalise(" 11010519491231002x ")).isEqualTo("11010519491231002X");
        assertThat(ResidentIds.normalise("110105 19491231 002X")).isEqualTo("11010519491231002X");
        assertThat(ResidentIds.problem(ResidentIds.normalise("11010519491231002x")))
                .isEmpty();
    }

    @Test
    void lowerCaseXIsNotValidWithoutNormalising() {
        assertThat(ResidentIds.problem("11010519491231002x")).contains("residentId.format");
    }

    @Test
    void normaliseAcceptsFullWidthDigitsAndSpaces() {
        String fullWidth = "３４０５２４\u3000１９８００１０１\u3000００１ｘ";
        assertThat(ResidentIds.normalise(fullWidth)).isEqualTo("34052419800101001X");
        assertThat(ResidentIds.normalise("１１０１０５１９４９１２３１００２ｘ")).isEqualTo("11010519491231002X");
        assertThat(ResidentIds.problem(ResidentIds.normalise(fullWidth))).isEmpty();
    }

    @Test
    void normaliseTurnsNullAndBlankIntoEmpty() {
        assertThat(ResidentIds.normalise(null)).isEmpty();
        assertThat(ResidentIds.normalise("   ")).isEmpty();
        assertThat(ResidentIds.normalise("\u3000\u00A0")).isEmpty();
    }

    @Test
    void wrongCheckCharacterIsAChecksumProblem() {
        assertThat(ResidentIds.problem("110105194912310021")).contains("residentId.checksum");
        assertThat(ResidentIds.problem("340524198001010010")).contains("residentId.checksum");
        assertThat(ResidentIds.problem("340524198001010011")).contains("residentId.checksum");
    }

    @Test
    void everyCheckCharacterButTheRightOneIsRejected() {
        String body = "11010519491231002";
        for (char c : "0123456789X".toCharArray()) {
            var problem = ResidentIds.problem(body + c);
            if (c == 'X') {
                assertThat(problem).isEmpty();
            } else {
                assertThat(problem).as("check character %s", c).contains("residentId.checksum");
            }
        }
    }

    @Test
    void swappedDigitsAreCaught() {
        // 11010519491231002X with the sequence digits 0 and 2 swapped
        assertThat(ResidentIds.problem("11010519491231020X")).contains("residentId.checksum");
    }

    @Test
    void thirtiethOfFebruaryIsABirthDateProblem() {
        assertThat(ResidentIds.problem(idBornOn("20000230"), TODAY)).contains("residentId.birthDate");
        assertThat(ResidentIds.problem(idBornOn("20001301"), TODAY)).contains("residentId.birthDate");
        assertThat(ResidentIds.problem(idBornOn("20000100"), TODAY)).contains("residentId.birthDate");
        assertThat(ResidentIds.problem(idBornOn("20010229"), TODAY)).contains("residentId.birthDate");
    }

    @Test
    void leapDaysFollowTheGregorianRules() {
        assertThat(ResidentIds.problem(idBornOn("20000229"), TODAY)).isEmpty();
        assertThat(ResidentIds.problem(idBornOn("20040229"), TODAY)).isEmpty();
        assertThat(ResidentIds.problem(idBornOn("19000229"), TODAY)).contains("residentId.birthDate");
    }

    @Test
    void birthDateMayBeTodayButNotLater() {
        assertThat(ResidentIds.problem(idBornOn("20260315"), TODAY)).isEmpty();
        assertThat(ResidentIds.problem(idBornOn("20260316"), TODAY)).contains("residentId.birthDate");
    }

    @Test
    void futureBirthDateIsRejectedAgainstTheRealClock() {
        String nextYear = LocalDate.now().plusYears(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(ResidentIds.problem(idBornOn(nextYear))).contains("residentId.birthDate");
    }

    @Test
    void birthDatesBefore1900AreRejected() {
        assertThat(ResidentIds.problem(idBornOn("18991231"), TODAY)).contains("residentId.birthDate");
        assertThat(ResidentIds.problem(idBornOn("19000101"), TODAY)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "99", "00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72", "80",
                "83", "90"
            })
    void unknownProvinceIsARegionProblem(String province) {
        assertThat(ResidentIds.problem(withCheck(province + "010519491231002"), TODAY))
                .contains("residentId.region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82"})
    void everyProvinceLevelCodeIsAccepted(String province) {
        assertThat(ResidentIds.problem(withCheck(province + "010519491231002"), TODAY))
                .isEmpty();
    }

    @Test
    void regionIsOnlyCheckedByItsProvincePrefix() {
        assertThat(ResidentIds.problem(withCheck("11000019491231002"), TODAY)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "11010519491231002",
                "1101051949123100212",
                "11010519491231002XX",
                "1101051949123100X2",
                "X10105194912310021",
                "11010519491231002Y",
                "110105-9491231002X",
                "11010519491231002x",
                "１１０１０５１９４９１２３１００２Ｘ"
            })
    void malformedNumbersAreAFormatProblem(String id) {
        assertThat(ResidentIds.problem(id, TODAY)).contains("residentId.format");
    }

    @Test
    void nullIsAFormatProblem() {
        assertThat(ResidentIds.problem(null)).contains("residentId.format");
    }

    @Test
    void formatIsReportedBeforeOtherProblems() {
        // bad province, impossible date and (probably) wrong checksum, but also too short
        assertThat(ResidentIds.problem("99010520000230", TODAY)).contains("residentId.format");
        // bad province and impossible date: region comes first
        assertThat(ResidentIds.problem(withCheck("99010520000230123"), TODAY)).contains("residentId.region");
        // impossible date with a wrong check character: birth date comes first
        String body = "11010520000230123";
        char wrong = ResidentIds.checkCharacter(body) == '0' ? '1' : '0';
        assertThat(ResidentIds.problem(body + wrong, TODAY)).contains("residentId.birthDate");
    }

    @Test
    void genderFollowsTheSeventeenthDigit() {
        assertThat(ResidentIds.gender("11010519491231002X")).isEqualTo(Gender.FEMALE);
        assertThat(ResidentIds.gender("34052419800101001X")).isEqualTo(Gender.MALE);
        for (int digit = 0; digit <= 9; digit++) {
            String id = withCheck("1101051949123100" + digit);
            assertThat(ResidentIds.gender(id))
                    .as("17th digit %d", digit)
                    .isEqualTo(digit % 2 == 1 ? Gender.MALE : Gender.FEMALE);
        }
    }

    @Test
    void birthDateIsReadFromDigitsSevenToFourteen() {
        assertThat(ResidentIds.birthDate("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(ResidentIds.birthDate("34052419800101001X")).isEqualTo(LocalDate.of(1980, 1, 1));
    }

    @Test
    void birthDateAndGenderRefuseInvalidNumbers() {
        assertThatThrownBy(() -> ResidentIds.birthDate("110105194912310021"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("residentId.checksum");
        assertThatThrownBy(() -> ResidentIds.gender("1101051949"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("residentId.format");
        assertThatThrownBy(() -> ResidentIds.gender(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void maskKeepsFirstAndLastFourCharacters() {
        assertThat(ResidentIds.mask("411302199001011234")).isEqualTo("4113**********1234");
        assertThat(ResidentIds.mask("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(ResidentIds.mask("123456789")).isEqualTo("1234*6789");
    }

    @Test
    void maskStarsShortValuesEntirelyAndKeepsNull() {
        assertThat(ResidentIds.mask(null)).isNull();
        assertThat(ResidentIds.mask("")).isEmpty();
        assertThat(ResidentIds.mask("12345678")).isEqualTo("********");
        assertThat(ResidentIds.mask("123")).isEqualTo("***");
    }
}
