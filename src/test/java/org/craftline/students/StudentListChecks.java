package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.shared.ListTotalsCap;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The students list as a list that stays flat: its order, its keyset cursor, its searches and its
 * capped total, on the database of the subclass (PostgreSQL estimates a long list's total, H2
 * counts it).
 */
abstract class StudentListChecks {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** Whether the database gives the planner's estimate beyond the cap (PostgreSQL) or counts on (H2). */
    abstract boolean estimates();

    @Test
    void pagesFollowTheSchoolAndNumberOrderAndTheCursorContinuesWhereTheOffsetWould() throws Exception {
        List<Number> expected = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :code ORDER BY s.student_number FETCH FIRST 10 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(Number.class)
                .list();
        String first = body("/api/v1/students?size=5");
        List<Number> page1 = JsonPath.read(first, "$.items[*].id");
        Number next = JsonPath.read(first, "$.nextAfter");
        assertThat(longs(page1)).isEqualTo(longs(expected.subList(0, 5)));
        assertThat(next.longValue()).isEqualTo(page1.get(4).longValue());

        List<Number> byOffset = JsonPath.read(body("/api/v1/students?size=5&page=2"), "$.items[*].id");
        String byCursor = body("/api/v1/students?size=5&page=2&after=" + next);
        assertThat(longs(JsonPath.read(byCursor, "$.items[*].id"))).isEqualTo(longs(byOffset));
        assertThat(longs(byOffset)).isEqualTo(longs(expected.subList(5, 10)));
        assertThat((Integer) JsonPath.read(byCursor, "$.page")).isEqualTo(2);
    }

    @Test
    void aCursorThatIsNoStudentOfTheUsersSchoolsIsRefused() throws Exception {
        long elsewhere = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code <> :code ORDER BY s.id FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        for (String after : List.of("987654321012", String.valueOf(elsewhere))) {
            mvc.perform(get("/api/v1/students").param("after", after).with(ADMIN))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("after"));
        }
        mvc.perform(get("/api/v1/students").param("after", "x").with(ADMIN)).andExpect(status().isBadRequest());
    }

    @Test
    void aPageBeyondWhatAnOffsetMaySkipIsReachedByTheNextLinksOnly() throws Exception {
        // 20 a page: page 501 starts at row 10,000 (the most an OFFSET skips), page 502 after it
        mvc.perform(get("/api/v1/students").param("page", "502").with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/students").param("page", "501").with(ADMIN)).andExpect(status().isOk());
    }

    @Test
    void aSearchWithADigitFindsTheStudentNumbersStartingWithIt() throws Exception {
        String number = zhenping("s.student_number");
        String prefix = number.substring(0, Math.min(number.length(), 7));
        String answer = body("/api/v1/students?size=200&q=" + prefix);
        List<String> numbers = JsonPath.read(answer, "$.items[*].studentNumber");
        assertThat(numbers).isNotEmpty().allMatch(n -> n.startsWith(prefix)).isSorted();
        assertThat(((Number) JsonPath.read(answer, "$.total")).longValue())
                .isEqualTo(count("s.student_number LIKE :p", prefix + "%"));
    }

    @Test
    void aNameSearchOfThreeCharactersFindsNamesContainingItAndAShorterOneNamesStartingWithIt() throws Exception {
        // a name of Chinese characters only, the longest of the first few hundred: its last three
        // characters lie inside it when it has four or more
        String name = jdbc
                .sql("SELECT s.name FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :code AND LENGTH(s.name) >= 3 ORDER BY s.id FETCH FIRST 500 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .list()
                .stream()
                .filter(n -> n.chars().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .max(java.util.Comparator.comparing(String::length))
                .orElseThrow();
        String inner = name.substring(name.length() - 3);
        String contained = body("/api/v1/students?size=200&q=" + inner);
        List<String> names = JsonPath.read(contained, "$.items[*].name");
        assertThat(names).contains(name).allMatch(n -> n.contains(inner));
        assertThat(((Number) JsonPath.read(contained, "$.total")).longValue())
                .isEqualTo(count("LOWER(s.name) LIKE :p", "%" + inner.toLowerCase(java.util.Locale.ROOT) + "%"));

        String first = name.substring(0, 1);
        String starting = body("/api/v1/students?size=200&q=" + first);
        List<String> starts = JsonPath.read(starting, "$.items[*].name");
        assertThat(starts).isNotEmpty().allMatch(n -> n.startsWith(first)).isSorted();
        assertThat(((Number) JsonPath.read(starting, "$.total")).longValue())
                .isEqualTo(count("s.name LIKE :p", first + "%"));
        Number next = JsonPath.read(starting, "$.nextAfter");
        if (next != null) {
            List<String> more = JsonPath.read(
                    body("/api/v1/students?size=200&page=2&q=" + first + "&after=" + next), "$.items[*].name");
            assertThat(more).allMatch(n -> n.startsWith(first));
            assertThat(more.get(0)).isGreaterThanOrEqualTo(starts.get(starts.size() - 1));
        }
    }

    @Test
    void aListLongerThanTheCapShowsItsTotalAsAboutNOnPostgresql() throws Exception {
        long all = count("1 = 1", null);
        try (var cap = ListTotalsCap.of(5)) {
            String answer = body("/api/v1/students?size=3");
            long total = ((Number) JsonPath.read(answer, "$.total")).longValue();
            boolean exact = JsonPath.read(answer, "$.totalExact");
            if (estimates()) {
                assertThat(exact).isFalse();
                assertThat(total).isGreaterThan(5);
            } else {
                assertThat(exact).isTrue();
                assertThat(total).isEqualTo(all);
            }
            // a short list is counted exactly under the cap
            String few = body("/api/v1/students?size=3&q=" + zhenping("s.student_number"));
            assertThat((Boolean) JsonPath.read(few, "$.totalExact")).isTrue();
            assertThat(((Number) JsonPath.read(few, "$.total")).longValue()).isEqualTo(1);

            var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
            String page = mvc.perform(get("/students").session(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("after=");
            if (estimates()) {
                assertThat(page).contains("约 ");
            }
        }
        assertThat((Boolean) JsonPath.read(body("/api/v1/students?size=3"), "$.totalExact"))
                .isEqualTo(all <= 10_000 || !estimates());
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aNameSearchOfFewStudentsIsCountedExactlyWhateverThePlannerGuesses() throws Exception {
        // a name of three characters or more is a contains search, whose rows the planner can only
        // guess on PostgreSQL (ListTotals.blind): here the list end to end; ListSearchIT has a guess
        // beyond the cap, which the demo's names do not give
        List<String> shared = jdbc.sql("""
                        SELECT s.name FROM student s JOIN school sc ON sc.id = s.school_id
                        WHERE sc.code = :code AND CHAR_LENGTH(s.name) >= 3
                        GROUP BY s.name HAVING COUNT(*) BETWEEN 2 AND 3 ORDER BY s.name FETCH FIRST 20 ROWS ONLY""")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .list();
        String name = null;
        long matches = 0;
        for (String candidate : shared) {
            matches = count("LOWER(s.name) LIKE :p", "%" + candidate.toLowerCase(java.util.Locale.ROOT) + "%");
            if (matches <= 3) {
                name = candidate;
                break;
            }
        }
        assertThat(name).as("a name of two or three students in the demo").isNotNull();
        try (var cap = ListTotalsCap.of(3)) {
            // a page of one row, so that the total is counted rather than read off a page not full
            String answer = body("/api/v1/students?size=1&q=" + name);
            assertThat((Boolean) JsonPath.read(answer, "$.totalExact")).isTrue();
            assertThat(((Number) JsonPath.read(answer, "$.total")).longValue()).isEqualTo(matches);
        }
    }

    private String zhenping(String column) {
        return jdbc.sql("SELECT " + column + " FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :code ORDER BY s.student_number FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .single();
    }

    private long count(String condition, String pattern) {
        var sql = jdbc.sql("SELECT COUNT(*) FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :code AND " + condition)
                .param("code", TestUsers.ZHENPING);
        if (pattern != null) {
            sql = sql.param("p", pattern);
        }
        return sql.query(Long.class).single();
    }

    private static List<Long> longs(List<Number> ids) {
        return ids.stream().map(Number::longValue).toList();
    }
}
