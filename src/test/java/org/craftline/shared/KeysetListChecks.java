package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The lists that grow with a school read their deep pages by keyset: the pages a client walks by
 * the cursor ({@code nextAfter}, passed back as {@code after}) are the pages it would read by
 * number, in the same order, and an OFFSET beyond the rows a list may skip is refused. On the demo
 * school, on the database of the subclass.
 */
abstract class KeysetListChecks {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    /** Every list read by keyset, as its API answers the school administrator. */
    static final List<String> LISTS = List.of(
            "/api/v1/certificates",
            "/api/v1/internships",
            "/api/v1/enterprises",
            "/api/v1/social/trainees",
            "/api/v1/applications",
            "/api/v1/postings",
            "/api/v1/projects",
            "/api/v1/apprenticeships",
            "/api/v1/cooperations",
            "/api/v1/fairs",
            "/api/v1/aid/eligibility?show=ALL",
            "/api/v1/aid/hardships",
            "/api/v1/aid/disbursements");

    /** Pages of this size, walked at most this deep, both ways. */
    private static final int SIZE = 7;

    private static final int PAGES = 4;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCursorPagesOfEveryGrowingListAreItsNumberedPages() throws Exception {
        // a holder's surname: on PostgreSQL the certificates are then listed by holder name
        String surname = jdbc.sql("SELECT s.name FROM certificate c JOIN student s ON s.id = c.student_id"
                        + " JOIN school sc ON sc.id = c.school_id WHERE sc.code = :code ORDER BY c.id"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .single()
                .substring(0, 1);
        List<String> lists = new ArrayList<>(LISTS);
        lists.add("/api/v1/certificates?holder=" + surname); // MockMvc encodes it
        String intern = jdbc.sql("SELECT s.name FROM internship i JOIN student s ON s.id = i.student_id"
                        + " JOIN school sc ON sc.id = i.school_id WHERE sc.code = :code ORDER BY i.id"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .single();
        lists.add("/api/v1/internships?q=" + intern.substring(0, 1)); // by the student's name on PostgreSQL
        // the surname most recognitions bear: on PostgreSQL the recognitions and the ledger by name (V97)
        String aided = jdbc.sql("SELECT SUBSTRING(s.name, 1, 1) FROM hardship_recognition h"
                        + " JOIN student s ON s.id = h.student_id JOIN school sc ON sc.id = h.school_id"
                        + " WHERE sc.code = :code GROUP BY SUBSTRING(s.name, 1, 1) ORDER BY COUNT(*) DESC,"
                        + " SUBSTRING(s.name, 1, 1) FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .single();
        lists.add("/api/v1/aid/hardships?q=" + aided);
        lists.add("/api/v1/aid/disbursements?q=" + aided);
        lists.add("/api/v1/aid/eligibility?show=ALL&q=" + aided); // by the student's name on PostgreSQL
        for (String list : lists) {
            List<Long> byNumber = new ArrayList<>();
            for (int page = 1; page <= PAGES; page++) {
                String body = body(list + and(list) + "size=" + SIZE + "&page=" + page, 200);
                if (body == null) {
                    break; // beyond the last page
                }
                List<Long> ids = ids(list, body);
                byNumber.addAll(ids);
                if (ids.size() < SIZE) {
                    break;
                }
            }
            List<Long> byCursor = new ArrayList<>();
            String answer = body(list + and(list) + "size=" + SIZE, 200);
            for (int page = 1; page <= PAGES; page++) {
                byCursor.addAll(ids(list, answer));
                Number next = JsonPath.read(answer, "$.nextAfter");
                if (next == null || page == PAGES) {
                    break;
                }
                assertThat(next.longValue()).as(list).isEqualTo(byCursor.get(byCursor.size() - 1));
                answer = body(list + and(list) + "size=" + SIZE + "&page=" + (page + 1) + "&after=" + next, 200);
            }
            assertThat(byCursor).as(list).isNotEmpty().isEqualTo(byNumber);
            assertThat(new HashSet<>(byCursor)).as(list).hasSize(byCursor.size());
        }
    }

    @Test
    void anOffsetBeyondTheRowsAListMaySkipIsRefusedAndAnUnknownCursorToo() throws Exception {
        try (var cap = ListTotalsCap.of(5)) {
            for (String list : LISTS) {
                mvc.perform(get(list).param("size", "3").param("page", "3").with(ADMIN))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value("page"));
            }
        }
        for (String list : List.of("/api/v1/certificates", "/api/v1/internships")) {
            mvc.perform(get(list).param("after", "987654321012").with(ADMIN))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("after"));
        }
    }

    @Test
    void theAuditLogPageLinksItsNextPageByCursor() throws Exception {
        long school = jdbc.sql("SELECT id FROM school WHERE code = :code")
                .param("code", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        OffsetDateTime at = OffsetDateTime.of(2026, 1, 5, 8, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 60; i++) {
            jdbc.sql("INSERT INTO audit_event (at, username, school_id, action, entity_type, entity_key)"
                            + " VALUES (:at, 'keyset-check', :school, 'UPDATE', 'keysetcheck', :key)")
                    .param("at", at.plusMinutes(i / 2)) // two events a minute: the id breaks the tie
                    .param("school", school)
                    .param("key", "ksk-" + (1000 + i))
                    .update();
        }
        String first = page("/audit?type=keysetcheck");
        String after = first.replaceAll("(?s).*[?&;]after=([0-9]+).*", "$1");
        assertThat(after).matches("[0-9]+");
        String second = page("/audit?type=keysetcheck&page=2&after=" + after);
        for (int i = 0; i < 60; i++) {
            // newest first, 50 a page: ksk-1059..ksk-1010 on the first page, ksk-1009..ksk-1000 on the second
            String key = "ksk-" + (1000 + i);
            assertThat(first.contains(key)).as(key).isEqualTo(i >= 10);
            assertThat(second.contains(key)).as(key).isEqualTo(i < 10);
        }
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).session(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The answer's body, or null when the page is refused as beyond the last. */
    private String body(String url, int expected) throws Exception {
        var response = mvc.perform(get(url).with(ADMIN)).andReturn().getResponse();
        if (response.getStatus() == 400 && url.contains("page=") && !url.contains("after=")) {
            return null;
        }
        assertThat(response.getStatus()).as(url).isEqualTo(expected);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String and(String url) {
        return url.contains("?") ? "&" : "?";
    }

    /** The rows' ids: a student's for the aid eligibility list, whose rows are students. */
    private static List<Long> ids(String list, String body) {
        List<Number> ids =
                JsonPath.read(body, list.contains("/aid/eligibility") ? "$.items[*].studentId" : "$.items[*].id");
        return ids.stream().map(Number::longValue).toList();
    }
}
