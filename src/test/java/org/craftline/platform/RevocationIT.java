package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Rights withdrawn end at once: sessions and API tokens of a disabled, demoted or reset user. */
@PostgresTest
class RevocationIT {

    static final String NEW_PASSWORD = "another-password-4567";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDisabledUsersOpenSessionEndsAtOnce() throws Exception {
        create("rv-disabled", "STAFF");
        MockHttpSession session = Sessions.login(mvc, "rv-disabled");
        mvc.perform(get("/organisation/classes").session(session)).andExpect(status().isOk());

        save("rv-disabled", "STAFF", false);

        mvc.perform(get("/organisation/classes").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aSchoolAdministratorDisablingAnAccountEndsItsSessionAndTokens() throws Exception {
        var school = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        create("rv-school", "STAFF");
        MockHttpSession session = Sessions.login(mvc, "rv-school");
        String token = token(session);

        mvc.perform(post("/school/users/rv-school/enabled")
                        .session(school)
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/organisation/classes").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/classes").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenStopsWorkingAfterAPasswordReset() throws Exception {
        create("rv-token", "STAFF");
        MockHttpSession session = Sessions.login(mvc, "rv-token");
        String token = token(session);
        mvc.perform(get("/api/v1/classes").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());

        mvc.perform(post("/admin/users/rv-token/password")
                        .session(Sessions.login(mvc, TestUsers.ADMIN))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/classes").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/organisation/classes").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aUsersOwnPasswordChangeEndsItsOtherSessionsAndTokensButNotThisOne() throws Exception {
        create("rv-own", "STAFF");
        MockHttpSession other = Sessions.login(mvc, "rv-own");
        String token = token(other);
        MockHttpSession here = Sessions.login(mvc, "rv-own");

        mvc.perform(post("/password")
                        .session(here)
                        .with(csrf())
                        .param("current", TestUsers.PASSWORD)
                        .param("password", NEW_PASSWORD)
                        .param("repeat", NEW_PASSWORD))
                .andExpect(redirectedUrl("/"));

        mvc.perform(get("/organisation/classes").session(here)).andExpect(status().isOk());
        mvc.perform(get("/organisation/classes").session(other)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/classes").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/classes").with(httpBasic("rv-own", NEW_PASSWORD)))
                .andExpect(status().isOk());
        // a security notice in its inbox, which it cannot turn off
        mvc.perform(get("/api/v1/me/notifications").with(httpBasic("rv-own", NEW_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].kind").value("SECURITY"))
                .andExpect(jsonPath("$.items[0].messageKey").value("notify.password.changed"));
        mvc.perform(put("/api/v1/me/notification-settings")
                        .with(httpBasic("rv-own", NEW_PASSWORD))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("[\"IMPORT_FINISHED\"]"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDemotedAdministratorCannotRevealAnyMore() throws Exception {
        create("rv-demoted", "SCHOOL_ADMIN");
        MockHttpSession session = Sessions.login(mvc, "rv-demoted");
        long student = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :c ORDER BY s.id LIMIT 1")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        mvc.perform(post("/students/{id}/reveal", student).session(session).with(csrf()))
                .andExpect(status().isOk());

        save("rv-demoted", "STAFF", true);

        mvc.perform(post("/students/{id}/reveal", student).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'REVEAL' AND username = 'rv-demoted'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private void create(String username, String role) throws Exception {
        mvc.perform(form(post("/admin/users"), username, role, true).param("password", TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection());
    }

    private void save(String username, String role, boolean enabled) throws Exception {
        mvc.perform(form(post("/admin/users/{u}", username), username, role, enabled)
                        .param("version", String.valueOf(version(username))))
                .andExpect(status().is3xxRedirection());
    }

    /** The version an edit form of the user would be read at. */
    private int version(String username) {
        return jdbc.sql("SELECT version FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Integer.class)
                .single();
    }

    private MockHttpServletRequestBuilder form(
            MockHttpServletRequestBuilder request, String username, String role, boolean enabled) throws Exception {
        return request.session(Sessions.login(mvc, TestUsers.ADMIN))
                .with(csrf())
                .param("username", username)
                .param("displayName", username)
                .param("role", role)
                .param("schoolCode", TestUsers.ZHENPING)
                .param("enabled", String.valueOf(enabled));
    }

    private String token(MockHttpSession session) throws Exception {
        return (String)
                mvc.perform(post("/tokens").session(session).with(csrf()).param("name", "script"))
                        .andExpect(redirectedUrl("/tokens"))
                        .andReturn()
                        .getFlashMap()
                        .get("newToken");
    }
}
