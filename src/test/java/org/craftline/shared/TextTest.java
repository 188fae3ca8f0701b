package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void normaliseKeepsNull() {
        assertThat(Text.normalise(null)).isNull();
    }

    @Test
    void normaliseConvertsFullWidthAsciiVariants() {
        assertThat(Text.normalise("ＡＢＣ１２３ａｂｃ")).isEqualTo("ABC123abc");
        // the two ends of the full-width block: U+FF01 and U+FF5E
        assertThat(Text.normalise("\uFF01\uFF5E")).isEqualTo("!~");
        assertThat(Text.normalise("（＠＃％）")).isEqualTo("(@#%)");
    }

    @Test
    void normaliseLeavesCharactersOutsideTheBlockAlone() {
        // U+FF00 and U+FF5F lie just outside the converted range; CJK and ASCII stay as they are
        assertThat(Text.normalise("\uFF00\uFF5F")).isEqualTo("\uFF00\uFF5F");
        assertThat(Text.normalise("张三 abc。")).isEqualTo("张三 abc。");
    }

    @Test
    void normaliseTurnsIdeographicAndNonBreakingSpacesIntoSpaces() {
        assertThat(Text.normalise("张\u3000三")).isEqualTo("张 三");
        assertThat(Text.normalise("a\u00A0b")).isEqualTo("a b");
    }

    @Test
    void normaliseStripsWhitespaceOfAnyKindAtTheEnds() {
        assertThat(Text.normalise("\u3000 张三\u00A0\t\n")).isEqualTo("张三");
        assertThat(Text.normalise("\u2003x\u2003")).isEqualTo("x");
        assertThat(Text.normalise(" \u3000\u00A0 ")).isEmpty();
    }

    @Test
    void blankToNull() {
        assertThat(Text.blankToNull(null)).isNull();
        assertThat(Text.blankToNull("")).isNull();
        assertThat(Text.blankToNull(" \t\n")).isNull();
        assertThat(Text.blankToNull(" a ")).isEqualTo(" a ");
    }

    @Test
    void lengthCountsRareCharactersOnce() {
        String rare = "\uD840\uDC00"; // 𠀀, CJK Extension B: two UTF-16 chars
        assertThat(Text.length(rare.repeat(50))).isEqualTo(50);
        assertThat(Text.longerThan(rare.repeat(50), 50)).isFalse();
        assertThat(Text.longerThan(rare.repeat(51), 50)).isTrue();
        assertThat(Text.length(null)).isZero();
    }

    @Test
    void controlCharactersButTabsAndLineBreaksAreControl() {
        org.assertj.core.api.Assertions.assertThat(Text.hasControl("张\u0000三")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Text.hasControl("a\u007Fb")).isTrue();
        org.assertj.core.api.Assertions.assertThat(Text.hasControl("第一行\r\n\t第二行"))
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(Text.hasControl(null)).isFalse();
        org.assertj.core.api.Assertions.assertThat(Text.controlShown("张\u0000三"))
                .isEqualTo("张?三");
    }
}
