package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodesTest {

    /** The 31 characters of GB 32100, worth 0 to 30 in this order. */
    private static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** GB 32100-2015's own example (Fuzhou, 350100), checked by hand below. */
    private static final String FUZHOU = "91350100M000100Y43";

    /** A widely published Beijing Haidian (110108) code, checked by hand below. */
    private static final String HAIDIAN = "91110108551385082Q";

    private static String withCheck(String body) {
        return body + CreditCodes.checkCharacter(body);
    }

    private static String withCharacterAt(String code, int index, char c) {
        return code.substring(0, index) + c + code.substring(index + 1);
    }

    @Test
    void publishedSampleCodesHaveTheExpectedCheckCharacters() {
        // values: digits 0-9, A=10 B=11 C=12 D=13 E=14 F=15 G=16 H=17 J=18 K=19 L=20 M=21 N=22 P=23 Q=24
        // R=25 T=26 U=27 W=28 X=29 Y=30; weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
        //
        // 91350100M000100Y4 3:
        // 9*1 + 1*3 + 3*9 + 5*27 + 0*19 + 1*26 + 0*16 + 0*17 + 21*20 + 0*29 + 0*25 + 0*13 + 1*8 + 0*24 + 0*10
        // + 30*30 + 4*28
        // = 9+3+27+135+0+26+0+0+420+0+0+0+8+0+0+900+112 = 1640; 1640 = 52*31 + 28; 31 - 28 = 3 -> '3'
        assertThat(CreditCodes.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        // 91110108551385082 Q:
        // 9*1 + 1*3 + 1*9 + 1*27 + 0*19 + 1*26 + 0*16 + 8*17 + 5*20 + 5*29 + 1*25 + 3*13 + 8*8 + 5*24 + 0*10
        // + 8*30 + 2*28
        // = 9+3+9+27+0+26+0+136+100+145+25+39+64+120+0+240+56 = 999; 999 = 32*31 + 7; 31 - 7 = 24 -> 'Q'
        assertThat(CreditCodes.checkCharacter("91110108551385082")).isEqualTo('Q');

        assertThat(CreditCodes.problem(FUZHOU)).isEmpty();
        assertThat(CreditCodes.problem(HAIDIAN)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // a single 1 at one position, so the sum is that position's weight (3 to the power position - 1, mod 31)
        "10000000000000000, Y", // position 1, weight 1, 31 - 1 = 30
        "01000000000000000, W", // position 2, weight 3, 31 - 3 = 28
        "00100000000000000, N", // position 3, weight 9, 31 - 9 = 22
        "00010000000000000, 4", // position 4, weight 27, 31 - 27 = 4
        "00001000000000000, C", // position 5, weight 19, 31 - 19 = 12
        "00000100000000000, 5", // position 6, weight 26, 31 - 26 = 5
        "00000010000000000, F", // position 7, weight 16, 31 - 16 = 15
        "00000001000000000, E", // position 8, weight 17, 31 - 17 = 14
        "00000000100000000, B", // position 9, weight 20, 31 - 20 = 11
        "00000000010000000, 2", // position 10, weight 29, 31 - 29 = 2
        "00000000001000000, 6", // position 11, weight 25, 31 - 25 = 6
        "00000000000100000, J", // position 12, weight 13, 31 - 13 = 18
        "00000000000010000, P", // position 13, weight 8, 31 - 8 = 23
        "00000000000001000, 7", // position 14, weight 24, 31 - 24 = 7
        "00000000000000100, M", // position 15, weight 10, 31 - 10 = 21
        "00000000000000010, 1", // position 16, weight 30, 31 - 30 = 1
        "00000000000000001, 3", // position 17, weight 28, 31 - 28 = 3
    })
    void everyPositionHasItsWeight(String body, char expected) {
        assertThat(CreditCodes.checkCharacter(body)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        // only the first character (weight 1) is non-zero, so the sum is its value
        "00000000000000000, 0", // sum 0, 31 - 0 = 31 -> 0
        "10000000000000000, Y", // sum 1, 31 - 1 = 30
        "20000000000000000, X", // sum 2, 31 - 2 = 29
        "30000000000000000, W", // sum 3, 31 - 3 = 28
        "40000000000000000, U", // sum 4, 31 - 4 = 27
        "50000000000000000, T", // sum 5, 31 - 5 = 26
        "60000000000000000, R", // sum 6, 31 - 6 = 25
        "70000000000000000, Q", // sum 7, 31 - 7 = 24
        "80000000000000000, P", // sum 8, 31 - 8 = 23
        "90000000000000000, N", // sum 9, 31 - 9 = 22
        "A0000000000000000, M", // sum 10, 31 - 10 = 21
        "B0000000000000000, L", // sum 11, 31 - 11 = 20
        "C0000000000000000, K", // sum 12, 31 - 12 = 19
        "D0000000000000000, J", // sum 13, 31 - 13 = 18
        "E0000000000000000, H", // sum 14, 31 - 14 = 17
        "F0000000000000000, G", // sum 15, 31 - 15 = 16
        "G0000000000000000, F", // sum 16, 31 - 16 = 15
        "H0000000000000000, E", // sum 17, 31 - 17 = 14
        "J0000000000000000, D", // sum 18, 31 - 18 = 13
        "K0000000000000000, C", // sum 19, 31 - 19 = 12
        "L0000000000000000, B", // sum 20, 31 - 20 = 11
        "M0000000000000000, A", // sum 21, 31 - 21 = 10
        "N0000000000000000, 9", // sum 22, 31 - 22 = 9
        "P0000000000000000, 8", // sum 23, 31 - 23 = 8
        "Q0000000000000000, 7", // sum 24, 31 - 24 = 7
        "R0000000000000000, 6", // sum 25, 31 - 25 = 6
        "T0000000000000000, 5", // sum 26, 31 - 26 = 5
        "U0000000000000000, 4", // sum 27, 31 - 27 = 4
        "W0000000000000000, 3", // sum 28, 31 - 28 = 3
        "X0000000000000000, 2", // sum 29, 31 - 29 = 2
        "Y0000000000000000, 1", // sum 30, 31 - 30 = 1
    })
    void checkCharacterMapsEveryValue(String body, char expected) {
        assertThat(CreditCodes.checkCharacter(body)).isEqualTo(expected);
    }

    @Test
    void aSumThatIsAMultipleOf31GivesCheckCharacterZero() {
        // 1*1 + A(10)*3 = 31; 31 mod 31 = 0; 31 - 0 = 31 -> 0
        assertThat(CreditCodes.checkCharacter("1A000000000000000")).isEqualTo('0');
        assertThat(CreditCodes.problem("1A0000000000000000")).isEmpty();
        // 1*1 + 1*3 + 1*27 = 31 as well
        assertThat(CreditCodes.checkCharacter("11010000000000000")).isEqualTo('0');
        assertThat(CreditCodes.problem("110100000000000000")).isEmpty();
    }

    @Test
    void checkCharacterRejectsAnythingButSeventeenCharactersOfTheSet() {
        assertThatThrownBy(() -> CreditCodes.checkCharacter(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCodes.checkCharacter("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCodes.checkCharacter("91350100M000100Y"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCodes.checkCharacter(FUZHOU)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCodes.checkCharacter("91350100m000100Y4"))
                .isInstanceOf(IllegalArgumentException.class);
        for (char forbidden : "IOZSV".toCharArray()) {
            assertThatThrownBy(() -> CreditCodes.checkCharacter("91350100" + forbidden + "000100Y4"))
                    .as("letter %s", forbidden)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void normaliseUpperCases() {
        assertThat(CreditCodes.normalise("91350100m000100y43")).isEqualTo(FUZHOU);
        assertThat(CreditCodes.normalise("91110108551385082q")).isEqualTo(HAIDIAN);
        assertThat(CreditCodes.problem(CreditCodes.normalise("91110108551385082q")))
                .isEmpty();
    }

    @Test
    void normaliseRemovesSpacesAndHyphens() {
        assertThat(CreditCodes.normalise(" 9135 0100 M000 100Y 43 ")).isEqualTo(FUZHOU);
        assertThat(CreditCodes.normalise("91-350100-M000100Y4-3")).isEqualTo(FUZHOU);
        assertThat(CreditCodes.normalise("9111 - 0108\t5513 -- 8508 2Q")).isEqualTo(HAIDIAN);
    }

    @Test
    void normaliseAcceptsFullWidthCharactersAndSpaces() {
        String fullWidth = "９１３５０１００\u3000ｍ０００１００ｙ４３";
        assertThat(CreditCodes.normalise(fullWidth)).isEqualTo(FUZHOU);
        assertThat(CreditCodes.normalise("９１１１０１０８－５５１３８５０８２Ｑ")).isEqualTo(HAIDIAN);
        assertThat(CreditCodes.normalise("\u00A091110108551385082Q\u00A0")).isEqualTo(HAIDIAN);
        assertThat(CreditCodes.problem(CreditCodes.normalise(fullWidth))).isEmpty();
    }

    @Test
    void normaliseTurnsNullAndBlankIntoEmpty() {
        assertThat(CreditCodes.normalise(null)).isEmpty();
        assertThat(CreditCodes.normalise("")).isEmpty();
        assertThat(CreditCodes.normalise("   ")).isEmpty();
        assertThat(CreditCodes.normalise("\u3000\u00A0")).isEmpty();
        assertThat(CreditCodes.normalise(" - ")).isEmpty();
    }

    @Test
    void lowerCaseIsNotValidWithoutNormalising() {
        assertThat(CreditCodes.problem("91350100m000100Y43")).contains("creditCode.format");
        assertThat(CreditCodes.problem("91110108551385082q")).contains("creditCode.format");
    }

    @Test
    void wrongCheckCharacterIsAChecksumProblem() {
        assertThat(CreditCodes.problem("91350100M000100Y44")).contains("creditCode.checksum");
        assertThat(CreditCodes.problem("91350100M000100Y4Y")).contains("creditCode.checksum");
        assertThat(CreditCodes.problem("91110108551385082P")).contains("creditCode.checksum");
        assertThat(CreditCodes.problem("911101085513850820")).contains("creditCode.checksum");
    }

    @Test
    void everyCheckCharacterButTheRightOneIsRejected() {
        String body = "91110108551385082";
        for (char c : CHARACTERS.toCharArray()) {
            var problem = CreditCodes.problem(body + c);
            if (c == 'Q') {
                assertThat(problem).isEmpty();
            } else {
                assertThat(problem).as("check character %s", c).contains("creditCode.checksum");
            }
        }
    }

    @Test
    void changedOrSwappedCharactersAreCaught() {
        // one character changed: M -> N in the organisation code
        assertThat(CreditCodes.problem("91350100N000100Y43")).contains("creditCode.checksum");
        // adjacent characters swapped: 55 13 -> 55 31
        assertThat(CreditCodes.problem("91110108553185082Q")).contains("creditCode.checksum");
        // division code digits swapped: 350100 -> 351000
        assertThat(CreditCodes.problem("91351000M000100Y43")).contains("creditCode.checksum");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void forbiddenLettersAreAFormatProblemAnywhere(char forbidden) {
        for (int i = 0; i < 18; i++) {
            if (i >= 2 && i < 8) {
                continue; // the division code is digits only, covered separately
            }
            assertThat(CreditCodes.problem(withCharacterAt(FUZHOU, i, forbidden)))
                    .as("%s at position %d", forbidden, i + 1)
                    .contains("creditCode.format");
        }
    }

    @Test
    void forbiddenLetterInTheCheckPositionIsAFormatProblem() {
        // O looks like the 0 that would be right, but O is not in the set
        assertThat(CreditCodes.problem("1A000000000000000O")).contains("creditCode.format");
        assertThat(CreditCodes.problem("91350100M000100Y4I")).contains("creditCode.format");
    }

    @ParameterizedTest
    @ValueSource(chars = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N', 'Y'})
    void everyRegistrationAuthorityCodeIsAccepted(char first) {
        assertThat(CreditCodes.problem(withCheck(first + "1350100M000100Y4"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            chars = {
                '0', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'P', 'Q', 'R', 'T', 'U', 'W', 'X', 'I', 'O',
                'Z', 'S', 'V', 'a', 'n', 'y'
            })
    void otherFirstCharactersAreAFormatProblem(char first) {
        String body = first + "1350100M000100Y4";
        // give it the check character it would have, so only the first character is wrong
        String code = CHARACTERS.indexOf(first) >= 0 ? withCheck(body) : body + '3';
        assertThat(CreditCodes.problem(code)).contains("creditCode.format");
    }

    @Test
    void everyCharacterOfTheSetIsAcceptedAsTheOrganisationCategory() {
        for (char second : CHARACTERS.toCharArray()) {
            assertThat(CreditCodes.problem(withCheck("9" + second + "350100M000100Y4")))
                    .as("category %s", second)
                    .isEmpty();
        }
    }

    @Test
    void everyCharacterOfTheSetIsAcceptedInTheOrganisationCode() {
        for (char c : CHARACTERS.toCharArray()) {
            for (int i = 8; i < 17; i++) {
                String body = withCharacterAt(FUZHOU, i, c).substring(0, 17);
                assertThat(CreditCodes.problem(withCheck(body)))
                        .as("%s at position %d", c, i + 1)
                        .isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'M', 'Y', 'X', 'I'})
    void nonDigitDivisionCodeIsAFormatProblem(char letter) {
        for (int i = 2; i < 8; i++) {
            String body = withCharacterAt(FUZHOU, i, letter).substring(0, 17);
            // with the right check character (when it has one), only the division code is wrong
            String code = CHARACTERS.indexOf(letter) >= 0 ? withCheck(body) : body + '0';
            assertThat(CreditCodes.problem(code))
                    .as("%s at position %d", letter, i + 1)
                    .contains("creditCode.format");
        }
    }

    @Test
    void anyDigitsAreAcceptedAsTheDivisionCode() {
        assertThat(CreditCodes.problem(withCheck("91000000M000100Y4"))).isEmpty();
        assertThat(CreditCodes.problem(withCheck("91999999M000100Y4"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "9",
                "91350100M000100Y4",
                "91350100M000100Y433",
                "91350100M000100Y43 ",
                " 91350100M000100Y43",
                "91350100M000100Y4 3",
                "91350100-M000100Y43",
                "9135 0100 M000 100Y 43",
                "９１３５０１００Ｍ０００１００Ｙ４３",
                "91350100M000100Y4*",
                "91110108551385082QQ",
                "913501000000000000000"
            })
    void malformedCodesAreAFormatProblem(String code) {
        assertThat(CreditCodes.problem(code)).contains("creditCode.format");
    }

    @Test
    void nullIsAFormatProblem() {
        assertThat(CreditCodes.problem(null)).contains("creditCode.format");
    }

    @Test
    void formatIsReportedBeforeTheChecksum() {
        // wrong check character as well as a letter in the division code
        assertThat(CreditCodes.problem("9135A100M000100Y44")).contains("creditCode.format");
        // wrong check character as well as a forbidden first character
        assertThat(CreditCodes.problem("01350100M000100Y44")).contains("creditCode.format");
    }

    @Test
    void generatedCodesValidate() {
        String[] bodies = {"91350100M000100Y4", "91110108551385082", "Y2440300MA5DXXXX0", "N1000000000000000"};
        for (String body : bodies) {
            String code = withCheck(body);
            assertThat(code).hasSize(18).startsWith(body);
            assertThat(CreditCodes.problem(code)).as(code).isEmpty();
        }
        assertThat(withCheck("91350100M000100Y4")).isEqualTo(FUZHOU);
        assertThat(withCheck("91110108551385082")).isEqualTo(HAIDIAN);
    }

    @Test
    void countyIsReadFromPositionsThreeToEight() {
        assertThat(CreditCodes.countyOf(FUZHOU)).isEqualTo("350100");
        assertThat(CreditCodes.countyOf(HAIDIAN)).isEqualTo("110108");
        assertThat(CreditCodes.countyOf(withCheck("Y2440305MA5DXXXX0"))).isEqualTo("440305");
    }

    @Test
    void countyOfRefusesInvalidCodes() {
        assertThatThrownBy(() -> CreditCodes.countyOf("91350100M000100Y44"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("creditCode.checksum");
        assertThatThrownBy(() -> CreditCodes.countyOf("913501"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("creditCode.format");
        assertThatThrownBy(() -> CreditCodes.countyOf("91350100m000100y43"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("creditCode.format");
        assertThatThrownBy(() -> CreditCodes.countyOf(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
