package org.craftline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The operator's summaries page and API: state, a verification that finds 0, rebuild; others refused. */
@PostgresTest
class SummaryPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theOperatorVerifiesAndRebuildsFromThePage() throws Exception {
        String page = mvc.perform(get("/admin/summaries").with(as(TestUsers.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("summary_cohort", "summary_final_year", "data-confirm", "data-busy");

        String verified = mvc.perform(post("/admin/summaries/verify")
                        .with(as(TestUsers.ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(verified).contains("alert-success").doesNotContain("alert-danger");

        mvc.perform(post("/admin/summaries/rebuild").with(as(TestUsers.ADMIN)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/admin/summaries/verify")
                        .with(as(TestUsers.ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.differences.summary_destination").value(0));
        mvc.perform(get("/api/v1/admin/summaries").with(as(TestUsers.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows.summary_cohort").isNumber());
    }

    @Test
    void noOneButTheOperatorReachesThem() throws Exception {
        for (String who : new String[] {TestUsers.SCHOOL_ADMIN, TestUsers.BUREAU, TestUsers.STAFF}) {
            mvc.perform(get("/admin/summaries").with(as(who))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/summaries/rebuild").with(as(who)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/admin/summaries").with(as(who))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/admin/summaries/verify").with(as(who)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
    }
}
