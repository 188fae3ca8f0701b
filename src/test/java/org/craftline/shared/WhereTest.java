package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WhereTest {

    @Test
    void addsOnlyTheFiltersThatAreGiven() {
        Where where = Where.of("s.id IN (:ids)", Map.of("ids", 1))
                .and("c.year = :year", "year", 2026)
                .and("m.code = :major", "major", "  ")
                .and("t.x = :x", "x", null);
        assertThat(where.sql()).isEqualTo(" WHERE s.id IN (:ids) AND c.year = :year");
        assertThat(where.params()).containsOnlyKeys("ids", "year");
    }

    @Test
    void searchesAnyColumnCaseInsensitivelyAndEscapesWildcards() {
        Where where = Where.of("1 = 1", Map.of()).contains(" 50%_A ", "a.name", "a.code");
        assertThat(where.sql())
                .isEqualTo(" WHERE 1 = 1 AND (LOWER(a.name) LIKE :contains OR LOWER(a.code) LIKE :contains)");
        assertThat(where.params()).containsEntry("contains", "%50\\%\\_a%");
    }

    @Test
    void pagesAreClamped() {
        assertThat(PageQuery.of(0, 100000)).isEqualTo(new PageQuery(1, PageQuery.MAX_SIZE));
        assertThat(PageQuery.of(3, null).offset()).isEqualTo(40);
        assertThat(new Paged<>(java.util.List.of(), 1, 20, 41).totalPages()).isEqualTo(3);
        assertThat(new Paged<>(java.util.List.of(), 1, 20, 0).totalPages()).isEqualTo(1);
    }
}
