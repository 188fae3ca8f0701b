package org.craftline.students.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.craftline.shared.Where;
import org.junit.jupiter.api.Test;

class StudentSearchTest {

    @Test
    void aTextWithADigitIsANumberSearchAndOtherTextANameSearch() {
        assertThat(Stream.of("G2026", "b-0012", "2026", "L00012")).allMatch(StudentSearch::byNumber);
        assertThat(Stream.of("王", "王芳", "Li Ming", "API", "张3")).noneMatch(StudentSearch::byNumber);
    }

    @Test
    void theUpperBoundIsAboveEveryNumberStartingWithThePrefixAndBelowTheNextPrefix() {
        assertThat(StudentSearch.upperBound("G2026")).isEqualTo("G2027");
        assertThat(StudentSearch.upperBound("B0009")).isEqualTo("B001");
        assertThat(StudentSearch.upperBound("AZ")).isEqualTo("B");
        assertThat(StudentSearch.upperBound("x-")).isEqualTo("y");
        assertThat(StudentSearch.upperBound("99z")).isNull();
        for (String number : List.of("G2026", "G20260001", "G2026-9", "G2026zz")) {
            assertThat(number.compareTo("G2026")).isGreaterThanOrEqualTo(0);
            assertThat(number.compareTo(StudentSearch.upperBound("G2026"))).isNegative();
        }
    }

    @Test
    void theOrderFollowsTheSearch() {
        assertThat(StudentSearch.order(null, true)).containsExactly("s.school_id", "s.student_number");
        assertThat(StudentSearch.order("G2026", true)).containsExactly("s.school_id", "s.student_number");
        assertThat(StudentSearch.order("王", true))
                .containsExactly("(s.name COLLATE \"C\")", "s.school_id", "s.student_number");
        assertThat(StudentSearch.order("王", false)).containsExactly("s.name", "s.school_id", "s.student_number");
    }

    @Test
    void aShortNameSearchIsARangeInByteOrderOnPostgresqlAndAPrefixOnH2() {
        Where pg = StudentSearch.apply(Where.of("1 = 1", java.util.Map.of()), " 王 ", true);
        assertThat(pg.sql()).contains("(s.name COLLATE \"C\") >= :qFrom", "(s.name COLLATE \"C\") < :qBelow");
        assertThat(pg.params()).containsEntry("qFrom", "王").containsEntry("qBelow", "玌");
        Where h2 = StudentSearch.apply(Where.of("1 = 1", java.util.Map.of()), "王", false);
        assertThat(h2.sql()).contains("s.name LIKE :qPrefix");
        // three characters or more: the names containing the text, found first, then in name order
        Where longer = StudentSearch.apply(Where.of("1 = 1", java.util.Map.of()), "王_芳", true);
        assertThat(longer.sql())
                .contains(
                        "(s.name COLLATE \"C\") = ANY (ARRAY(SELECT lower(:qFrom) UNION SELECT y.name FROM student y",
                        "lower(y.name) LIKE lower(:qContains)");
        assertThat(longer.params()).containsEntry("qContains", "%王\\_芳%").containsEntry("qFrom", "王_芳");
        Where longerH2 = StudentSearch.apply(Where.of("1 = 1", java.util.Map.of()), "王_芳", false);
        assertThat(longerH2.sql()).contains("s.name ILIKE :qContains");
    }
}
