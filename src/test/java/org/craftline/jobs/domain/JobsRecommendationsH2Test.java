package org.craftline.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.craftline.support.H2Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The recommendations' SQL, the job board and its saved searches and opt-out on the embedded H2 database. */
@H2Test
class JobsRecommendationsH2Test {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    JobsFixture t;
    long posting;

    @BeforeEach
    void aPostingAndTwoCandidates() {
        t = new JobsFixture(jdbc);
        long school = t.school("H", "4141013240");
        long unit = t.unit("U", school);
        posting = t.posting(unit, "750107", 2, 2, LocalDate.now().plusDays(10), "H2岗位" + t.id());
        t.account("STAFF", school, null, null, "teacher");
        long fits = t.student(school, "A", "750107", "GRADUATED");
        t.certificate(fits, 3, "VALID");
        t.destination(fits, "AT_GRADUATION", "UNKNOWN", true);
        t.account("STUDENT", school, null, fits, "a");
        long jobless = t.student(school, "B", "730701", "GRADUATED");
        t.destination(jobless, "AT_GRADUATION", "UNEMPLOYED", true);
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    @Test
    void recommendationsBoardSearchesAndOptOutWorkOnH2() throws Exception {
        mvc.perform(get("/api/v1/postings/" + posting + "/recommendations").with(as("teacher")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.people.items[0].name").value(t.name("A")))
                .andExpect(jsonPath("$.people.items[1].name").value(t.name("B")));
        mvc.perform(get("/jobs/postings/" + posting + "/recommendations").with(as("teacher")))
                .andExpect(status().isOk());

        String page = mvc.perform(get("/me/jobs?q=" + t.id()).with(as("a")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("H2岗位" + t.id());
        mvc.perform(post("/me/jobs/searches")
                        .with(as("a"))
                        .with(csrf())
                        .param("name", "h2")
                        .param("searchText", t.id()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me/jobs/searches").with(as("a")))
                .andExpect(jsonPath("$[0].name").value("h2"));
        mvc.perform(post("/me/jobs/opt-out").with(as("a")).with(csrf()).param("optedOut", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/me/jobs/opt-out").with(as("a")).with(csrf()).param("optedOut", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/postings/" + posting + "/recommendations").with(as("teacher")))
                .andExpect(jsonPath("$.people.total").value(1))
                .andExpect(jsonPath("$.people.items[0].name").value(t.name("B")));
    }

    private RequestPostProcessor as(String who) {
        return user(users.loadUserByUsername(t.username(who)));
    }
}
