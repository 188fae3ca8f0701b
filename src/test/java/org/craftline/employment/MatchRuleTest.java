package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;

import org.craftline.enterprises.Industry;
import org.junit.jupiter.api.Test;

class MatchRuleTest {

    @Test
    void jadeCarvingGraduatesMatchInJadeAndCraftWorkshops() {
        assertThat(MatchRule.matches("750107", Industry.JADE_CARVING)).isTrue();
        assertThat(MatchRule.matches("750107", Industry.ARTS_CRAFTS)).isTrue();
        assertThat(MatchRule.matches("750107", Industry.CARPET)).isFalse();
        assertThat(MatchRule.matches("750107", Industry.OTHER)).isFalse();
    }

    @Test
    void carpetGraduatesMatchInCarpetMakers() {
        assertThat(MatchRule.matches("750110", Industry.CARPET)).isTrue();
        assertThat(MatchRule.matches("750110", Industry.JADE_CARVING)).isFalse();
    }

    @Test
    void anUnknownMajorOrNoEmployerNeverMatches() {
        assertThat(MatchRule.matches("710201", Industry.JADE_CARVING)).isFalse();
        assertThat(MatchRule.matches("750107", null)).isFalse();
    }
}
