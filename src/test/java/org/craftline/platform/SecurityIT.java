package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@PostgresTest
class SecurityIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        assertThat(jdbc.sql("SELECT password_hash FROM app_user")
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt}$2"));
    }

    @Test
    void signInRenewsTheSession() throws Exception {
        MockHttpSession before = (MockHttpSession)
                mvc.perform(get("/login")).andReturn().getRequest().getSession();
        String oldId = before.getId();
        MockHttpSession after = (MockHttpSession)
                mvc.perform(formLogin("/login").user(TestUsers.STAFF).password(TestUsers.PASSWORD))
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        assertThat(after).isNotNull();
        assertThat(after.getId()).isNotEqualTo(oldId);
    }

    @Test
    void repeatedFailuresLockTheAccountForPagesAndApi() throws Exception {
        var admin = Sessions.login(mvc, TestUsers.ADMIN);
        mvc.perform(post("/admin/users")
                        .session(admin)
                        .with(csrf())
                        .param("username", "throttled")
                        .param("displayName", "Throttled")
                        .param("role", "STAFF")
                        .param("schoolCode", TestUsers.ZHENPING)
                        .param("enabled", "true")
                        .param("password", TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection());
        Sessions.login(mvc, "throttled");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("throttled").password("wrong-password"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("throttled").password(TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/classes").with(httpBasic("throttled", TestUsers.PASSWORD)))
                .andExpect(status().isUnauthorized());
        // the sign-in, the failures, the lockout and the refusals are in the audit log, with the address
        List<String> actions = jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'sign-in'"
                        + " AND entity_key = 'throttled' ORDER BY id")
                .query(String.class)
                .list();
        assertThat(actions)
                .containsSubsequence(
                        "SIGN_IN", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "LOCKOUT", "SIGN_IN_LOCKED", "SIGN_IN_LOCKED")
                .filteredOn("LOCKOUT"::equals)
                .hasSize(1);
        assertThat(jdbc.sql("SELECT after_json FROM audit_event WHERE entity_type = 'sign-in'"
                                + " AND entity_key = 'throttled' AND action = 'SIGN_IN'")
                        .query(String.class)
                        .single())
                .contains("address")
                .doesNotContain(TestUsers.PASSWORD);
        assertThat(jdbc.sql("SELECT school_id FROM audit_event WHERE entity_key = 'throttled' AND action = 'LOCKOUT'")
                        .query(Long.class)
                        .single())
                .as("the school's administrator sees its users' lockouts")
                .isNotNull();
    }

    @Test
    void personalTokensAuthenticateTheApiUntilRevoked() throws Exception {
        var session = Sessions.login(mvc, TestUsers.STAFF);
        String token = (String)
                mvc.perform(post("/tokens").session(session).with(csrf()).param("name", "script"))
                        .andExpect(redirectedUrl("/tokens"))
                        .andReturn()
                        .getFlashMap()
                        .get("newToken");
        assertThat(token).startsWith("cl_");
        mvc.perform(get("/api/v1/classes").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash LIKE :t")
                        .param("t", "%" + token.substring(3, 20) + "%")
                        .query(Long.class)
                        .single())
                .as("only a hash of the token is stored")
                .isZero();

        long id = jdbc.sql("SELECT id FROM api_token WHERE name = 'script'")
                .query(Long.class)
                .single();
        mvc.perform(post("/tokens/{id}/revoke", id).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/classes").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void apiErrorsAreProblemResponses() throws Exception {
        mvc.perform(get("/api/v1/classes"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/classes/999999").with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not Found"));
    }

    @Test
    void formsNeedTheCsrfTokenAndPagesSendSecureHeaders() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(post("/organisation/staff")
                        .session(session)
                        .param("staffNumber", "CSRF")
                        .param("name", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void healthIsPublicAndTheApiDescriptionNeedsSignIn() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/v3/api-docs").with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/classes")));
    }

    @Test
    void aNotFoundProblemNeverShowsAnInternalValue() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.NEIXIANG)
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("Request"))))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("["))))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(containsString("="))));
        mvc.perform(get("/api/v1/classes/999999").with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.detail", containsString("999999")));
    }

    @Test
    void pagesNeedSignIn() throws Exception {
        mvc.perform(get("/organisation/classes")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/users").session(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isForbidden());
    }
}
