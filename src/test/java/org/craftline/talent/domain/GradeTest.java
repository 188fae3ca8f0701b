package org.craftline.talent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The skill levels since 2021: 学徒工 below 初级工 without moving a stored rank. */
class GradeTest {

    @Test
    void theApprenticeIsTheLowestSkillLevelAndNoStoredRankMoved() {
        assertThat(Grade.of(CertificateKind.SKILL))
                .containsExactly(
                        Grade.APPRENTICE,
                        Grade.LEVEL_5,
                        Grade.LEVEL_4,
                        Grade.LEVEL_3,
                        Grade.LEVEL_2,
                        Grade.LEVEL_1,
                        Grade.SPECIAL,
                        Grade.CHIEF);
        assertThat(Grade.of(CertificateKind.SKILL).stream().map(Grade::rank)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(Grade.APPRENTICE.rank()).isLessThan(Grade.LEVEL_5.rank());
        assertThat(Grade.ofRank(CertificateKind.SKILL, 0)).contains(Grade.APPRENTICE);
        assertThat(Grade.ofRank(CertificateKind.SKILL, 1)).contains(Grade.LEVEL_5);
    }

    @Test
    void ranksAreUniqueWithinEachKind() {
        for (CertificateKind kind : CertificateKind.values()) {
            var ranks = Grade.of(kind).stream().map(Grade::rank).collect(Collectors.toList());
            assertThat(ranks).doesNotHaveDuplicates();
        }
        assertThat(Arrays.stream(Grade.values()).filter(g -> g.rank() == 0)).containsExactly(Grade.APPRENTICE);
    }

    @Test
    void theApprenticeIsReadFromItsChineseOrEnglishWordOrItsName() {
        assertThat(Grade.parse(CertificateKind.SKILL, "学徒工")).contains(Grade.APPRENTICE);
        assertThat(Grade.parse(CertificateKind.SKILL, " 学徒工 ")).contains(Grade.APPRENTICE);
        assertThat(Grade.parse(CertificateKind.SKILL, "Apprentice")).contains(Grade.APPRENTICE);
        assertThat(Grade.parse(CertificateKind.SKILL, "apprentice")).contains(Grade.APPRENTICE);
        assertThat(Grade.parse(CertificateKind.SKILL, "初级工")).contains(Grade.LEVEL_5);
        assertThat(Grade.parse(CertificateKind.ONE_PLUS_X, "学徒工")).isEmpty();
        assertThat(Grade.parse(CertificateKind.SKILL, "学徒")).isEmpty();
        assertThat(Grade.APPRENTICE.label(false)).isEqualTo("学徒工");
        assertThat(Grade.APPRENTICE.label(true)).isEqualTo("Apprentice");
    }

    @Test
    void aSchoolCannotDesignateTheApprenticeAsTheSeniorCraftsmanLevel() {
        assertThat(Grade.seniorSkillChoices()).doesNotContain(Grade.APPRENTICE).startsWith(Grade.LEVEL_5);
        assertThat(Grade.seniorSkillChoices())
                .hasSize(Grade.of(CertificateKind.SKILL).size() - 1);
    }
}
