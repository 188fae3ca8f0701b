package org.craftline.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.craftline.support.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A graduate's own job board: open postings that fit its major and level first, never a closed,
 * expired or hidden one; its saved searches, at most 20, re-run and its own only.
 */
@PostgresTest
class JobBoardIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    JobsFixture t;
    long school;
    long unit;
    LocalDate today = LocalDate.now();

    @BeforeEach
    void aGraduateOfJadeCarvingHoldingLevelTwo() {
        t = new JobsFixture(jdbc);
        school = t.school("B", "4141013240");
        unit = t.unit("U", school);
        long me = t.student(school, "G", "750107", "GRADUATED");
        t.certificate(me, 2, "VALID");
        t.account("STUDENT", school, null, me, "me");
        t.account("STUDENT", school, null, t.student(school, "O", "750107", "ENROLLED"), "other");
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    @Test
    void fittingPostingsFirst_neverAClosedExpiredOrHiddenOne() throws Exception {
        // the others close sooner: the fit, not the deadline, puts the fitting one first
        t.posting(unit, "730701", null, 2, today.plusDays(3), position("其他专业"));
        t.posting(unit, "750107", 4, 2, today.plusDays(4), position("等级太高"));
        t.posting(unit, "750107", 2, 2, today.plusDays(20), position("对口"));
        t.posting(unit, "750107", null, 2, today, position("今天截止"));
        t.hide(t.posting(unit, "750107", null, 2, today.plusDays(9), position("被隐藏")), school);
        t.posting(unit, "750107", null, 2, today.minusDays(1), position("已过期"));
        long closed = t.posting(unit, "750107", null, 2, today.plusDays(9), position("已关闭"));
        jdbc.sql("UPDATE posting SET closed = TRUE WHERE id = :p")
                .param("p", closed)
                .update();

        String json = board("?q=" + t.id())
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> positions = JsonPath.read(json, "$.items[*].posting.position");
        List<Boolean> fits = JsonPath.read(json, "$.items[*].fits");
        assertThat(positions).containsExactly(position("今天截止"), position("对口"), position("其他专业"), position("等级太高"));
        assertThat(fits).containsExactly(true, true, false, false);

        board("?q=" + t.id() + "&kind=INTERNSHIP").andExpect(jsonPath("$.total").value(0));
        board("?q=" + t.id() + "&town=石佛寺镇").andExpect(jsonPath("$.total").value(positions.size()));
        board("?q=" + t.id() + "&town=别的镇").andExpect(jsonPath("$.total").value(0));

        String page = mvc.perform(get("/me/jobs?q=" + t.id()).with(as("me")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(position("对口")).doesNotContain(position("被隐藏"));
    }

    @Test
    void savedSearchesAreReRun_atMostTwenty_andOnlyOnesOwn() throws Exception {
        t.posting(unit, "750107", null, 2, today.plusDays(5), position("保存"));
        long id = ((Number) JsonPath.read(
                        save("me", "{\"name\":\"玉雕\",\"searchText\":\"" + t.id() + "\"}")
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.id"))
                .longValue();
        mvc.perform(get("/api/v1/me/jobs/searches/" + id).with(as("me")))
                .andExpect(jsonPath("$.items[0].posting.position").value(position("保存")));
        mvc.perform(get("/me/jobs/searches/" + id).with(as("me"))).andExpect(redirectedUrlPattern("/me/jobs?q=*"));
        save("me", "{\"name\":\"玉雕\"}").andExpect(status().isConflict());

        mvc.perform(get("/api/v1/me/jobs/searches/" + id).with(as("other"))).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/me/jobs/searches/" + id).with(as("other"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me/jobs").with(user(users.loadUserByUsername("zp-admin"))))
                .andExpect(status().isForbidden());

        for (int i = 1; i < SavedSearches.MAX; i++) {
            save("me", "{\"name\":\"s" + i + "\"}").andExpect(status().isCreated());
        }
        save("me", "{\"name\":\"one too many\"}").andExpect(status().isConflict());
        mvc.perform(get("/api/v1/me/jobs/searches").with(as("me")))
                .andExpect(jsonPath("$.length()").value(SavedSearches.MAX));
        mvc.perform(post("/me/jobs/searches/" + id + "/delete").with(as("me")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        save("me", "{\"name\":\"room again\"}").andExpect(status().isCreated());
    }

    private String position(String what) {
        return what + t.id();
    }

    private ResultActions board(String query) throws Exception {
        return mvc.perform(get("/api/v1/me/jobs" + query).with(as("me")));
    }

    private ResultActions save(String who, String body) throws Exception {
        return mvc.perform(post("/api/v1/me/jobs/searches")
                .with(as(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private RequestPostProcessor as(String who) {
        return user(users.loadUserByUsername(t.username(who)));
    }
}
