package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Two operators editing one user account: the later save from an older version is refused, not lost. */
@PostgresTest
class UserStaleEditIT {

    static final String USER = "stale-user";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStaleUserFormIsShownAgainWithWhoChangedItAndASecondSaveIsADeliberateOverwrite() throws Exception {
        MockHttpSession operator = Sessions.login(mvc, TestUsers.ADMIN);
        mvc.perform(save(post("/admin/users"), operator, "新用户").param("password", TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection());
        String form = mvc.perform(get("/admin/users/" + USER + "/edit").session(operator))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        int read = versionIn(form);
        update(operator, "第一人改的", read).andExpect(redirectedUrl("/admin/users/" + USER));
        String stale = update(operator, "第二人改的", read)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("修改了这条记录").contains("value=\"第二人改的\"");
        assertThat(versionIn(stale)).isEqualTo(read + 1);
        assertThat(displayName()).isEqualTo("第一人改的");
        update(operator, "第二人改的", read + 1).andExpect(redirectedUrl("/admin/users/" + USER));
        assertThat(displayName()).isEqualTo("第二人改的");
        update(operator, "没有版本", null).andExpect(status().isOk());
        assertThat(displayName()).isEqualTo("第二人改的");
    }

    private ResultActions update(MockHttpSession session, String name, Integer version) throws Exception {
        var request = save(post("/admin/users/" + USER), session, name);
        if (version != null) {
            request.param("version", String.valueOf(version));
        }
        return mvc.perform(request);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder save(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            MockHttpSession session,
            String name) {
        return request.session(session)
                .with(csrf())
                .param("username", USER)
                .param("displayName", name)
                .param("role", "STAFF")
                .param("schoolCode", TestUsers.ZHENPING)
                .param("enabled", "true");
    }

    private static int versionIn(String page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
        assertThat(m.find()).as("a version in the form").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private String displayName() {
        return jdbc.sql("SELECT display_name FROM app_user WHERE username = :u")
                .param("u", USER)
                .query(String.class)
                .single();
    }
}
