package org.craftline.platform;

import static org.hamcrest.Matchers.instanceOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Sign-in throttling as a guesser meets it: per name and address, alike for known and unknown names. */
@PostgresTest
class SignInThrottleIT {

    @Autowired
    MockMvc mvc;

    @Test
    void aKnownAndAnUnknownNameHearTheSameWhenHeldBackAndOtherAddressesStillSignIn() throws Exception {
        for (String name : new String[] {TestUsers.STAFF, "no-such-user"}) {
            for (int i = 0; i < 5; i++) {
                signIn(name, "wrong-password-0", "192.0.2.10").andExpect(redirectedUrl("/login?error"));
            }
            MockHttpSession session = (MockHttpSession) signIn(name, TestUsers.PASSWORD, "192.0.2.10")
                    .andExpect(redirectedUrl("/login?error"))
                    .andExpect(request()
                            .sessionAttribute(
                                    WebAttributes.AUTHENTICATION_EXCEPTION, instanceOf(LockedException.class)))
                    .andReturn()
                    .getRequest()
                    .getSession();
            mvc.perform(get("/login").session(session).param("error", "").param("lang", "en"))
                    .andExpect(content().string(Matchers.containsString("Too many sign-in attempts")))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("locked"))));
        }
        signIn(TestUsers.STAFF, TestUsers.PASSWORD, "192.0.2.11").andExpect(redirectedUrl("/"));
    }

    @Test
    void aWrongPasswordFloodOverBasicIsHeldBackWithoutKeepingTheUserOut() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/classes")
                            .with(httpBasic(TestUsers.BUREAU, "wrong-password-0"))
                            .with(from("192.0.2.20")))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/classes")
                        .with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD))
                        .with(from("192.0.2.20")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/classes")
                        .with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD))
                        .with(from("192.0.2.21")))
                .andExpect(status().isOk());
    }

    private org.springframework.test.web.servlet.ResultActions signIn(String name, String password, String address)
            throws Exception {
        return mvc.perform(post("/login")
                .param("username", name)
                .param("password", password)
                .with(csrf())
                .with(from(address)));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
