package org.craftline.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Signs a user in through the real sign-in form and hands back its session. */
public final class Sessions {

    private Sessions() {}

    public static MockHttpSession login(MockMvc mvc, String username) throws Exception {
        return login(mvc, username, TestUsers.PASSWORD);
    }

    public static MockHttpSession login(MockMvc mvc, String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getRequest()
                .getSession(false);
    }
}
