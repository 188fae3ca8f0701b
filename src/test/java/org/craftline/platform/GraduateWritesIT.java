package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A graduate ({@code STUDENT}) writes only its own report (and its password and tokens): every other
 * change the application offers, through the API or a page, is refused before any controller runs,
 * whatever the body. Generated from the application's own mappings, so a new endpoint is covered.
 */
@PostgresTest
class GraduateWritesIT {

    /**
     * The changes a graduate may make: its own destination report, its password, its tokens; and, as an
     * intern, the weekly logs of its own placement (the internships module answers 404 for another's);
     * as a job seeker, its own applications: applying and withdrawing (another's answers 404).
     * and, looking for work, the saved searches of its own job board and its opt-out of the units'
     * recommendations (the jobs module keeps each student to its own rows: another's search is 404).
     */
    static final Set<String> OWN = Set.of(
            "POST /api/v1/me/destinations",
            "POST /api/v1/internships/{id}/logs",
            "PUT /api/v1/internships/{id}/logs/{logId}",
            "POST /api/v1/internships/{id}/logs/{logId}/photos",
            "POST /internships/{id}/logs",
            "POST /internships/{id}/logs/{logId}",
            "POST /internships/{id}/logs/{logId}/photos",
            "POST /api/v1/postings/{id}/applications",
            "POST /api/v1/applications/{id}/withdraw",
            "POST /jobs/postings/{id}/apply",
            "POST /jobs/applications/{id}/withdraw",
            "POST /api/v1/me/jobs/searches",
            "DELETE /api/v1/me/jobs/searches/{searchId}",
            "POST /api/v1/me/jobs/opt-out",
            "POST /me/jobs/searches",
            "POST /me/jobs/searches/{id}/delete",
            "POST /me/jobs/opt-out",
            // its own registration for its school's job fair (another school's fair is 404)
            "POST /api/v1/me/fairs/{id}/registration",
            "DELETE /api/v1/me/fairs/{id}/registration",
            "POST /me/fairs/{id}/registration",
            "POST /me/fairs/{id}/registration/delete",
            "POST /api/v1/me/password",
            "POST /me/destination",
            // its answer to a follow-up round: open to whoever holds the signed link, once (a made-up link is 404)
            "POST /public/follow-up/{token}",
            // a unit's answer to the employer survey: open to whoever holds the signed link, once
            "POST /public/employer-rating/{token}",
            "POST /password",
            "POST /tokens",
            "POST /tokens/{id}/revoke",
            // its own inbox: marking read, opening, the kinds it receives (another's notification is 404)
            "POST /api/v1/me/notifications/read",
            "PUT /api/v1/me/notification-settings",
            "POST /inbox/{id}/open",
            "POST /inbox/read",
            "POST /inbox/settings",
            // its own address for notifications by email, and the signed link that confirms an address
            "PUT /api/v1/me/email",
            "POST /inbox/email",
            "POST /public/email/{token}");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<RequestMappingHandlerMapping> mappings;

    @Test
    void everyChangeButItsOwnReportIsRefused() throws Exception {
        long me = jdbc.sql("SELECT student_id FROM app_user WHERE username = 'student'")
                .query(Long.class)
                .single();
        var session = Sessions.login(mvc, "student");
        List<String> allowed = new ArrayList<>();
        int refused = 0;
        for (String endpoint : writes()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(method.length() + 1);
            String path =
                    pattern.replaceAll("\\{(id|studentId)}", String.valueOf(me)).replaceAll("\\{[^}]+}", "1");
            var call = request(HttpMethod.valueOf(method), path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}");
            int status = path.startsWith("/api/")
                    ? mvc.perform(call.with(httpBasic("student", TestUsers.PASSWORD)))
                            .andReturn()
                            .getResponse()
                            .getStatus()
                    : mvc.perform(call.session(session).with(csrf()))
                            .andReturn()
                            .getResponse()
                            .getStatus();
            if (status != 403) {
                allowed.add(endpoint + " -> " + status);
            } else {
                refused++;
            }
        }
        assertThat(allowed).allSatisfy(a -> assertThat(OWN).contains(a.substring(0, a.indexOf(" -> "))));
        assertThat(refused).as("the application offers many changes").isGreaterThan(50);
    }

    @Test
    void itsOwnReportStillGoesThrough() throws Exception {
        mvc.perform(post("/api/v1/me/destinations")
                        .with(httpBasic("student", TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"FURTHER_STUDY\",\"inCounty\":true}"))
                .andExpect(status().isOk());
    }

    private List<String> writes() {
        List<String> writes = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : mappings) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                for (var method : info.getMethodsCondition().getMethods()) {
                    if (!method.name().equals("GET")) {
                        info.getPatternValues().forEach(p -> writes.add(method.name() + " " + p));
                    }
                }
            });
        }
        return writes;
    }
}
