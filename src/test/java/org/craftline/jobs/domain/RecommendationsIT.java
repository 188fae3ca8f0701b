package org.craftline.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.craftline.jobs.domain.Ranking.Reason;
import org.craftline.platform.Scope;
import org.craftline.shared.PageQuery;
import org.craftline.support.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A posting's recommendations on a hand-built fixture of two fresh schools in two counties: the
 * ranking and its reasons as the SQL computes them, the headcount × 5 cap, the opted-out graduate
 * never shown, each viewer held to its own school's students, a unit's list masked.
 */
@PostgresTest
class RecommendationsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    Recommendations recommendations;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    JobsFixture t;
    long near;
    long far;
    long posting;

    @BeforeEach
    void twoSchoolsAUnitNearTheFirstAndItsPosting() {
        t = new JobsFixture(jdbc);
        near = t.school("N", "4141013240");
        far = t.school("F", "4141013250");
        long unit = t.unit("U", near);
        long otherUnit = t.unit("V", near);
        posting = t.posting(unit, "750107", 2, 1, LocalDate.now().plusDays(30), "玉雕师" + t.id());
        t.account("ENTERPRISE", near, unit, null, "unit");
        t.account("ENTERPRISE", near, otherUnit, null, "other-unit");
        t.account("SCHOOL_ADMIN", near, null, null, "near-admin");
        t.account("STAFF", far, null, null, "far-teacher");

        long a = t.student(near, "A", "750107", "ENROLLED");
        t.certificate(a, 3, "VALID");
        long b = t.student(near, "B", "750107", "GRADUATED");
        t.certificate(b, 2, "VALID");
        t.destination(b, "AT_GRADUATION", "UNEMPLOYED", true);
        long c = t.student(near, "C", "750107", "GRADUATED");
        t.destination(c, "AT_GRADUATION", "UNKNOWN", true);
        // employed now: its earlier unemployment is history, not a reason
        long d = t.student(near, "D", "730701", "GRADUATED");
        t.destination(d, "AT_GRADUATION", "UNEMPLOYED", false);
        t.destination(d, "MONTHS_6", "EMPLOYED", true);
        long e = t.student(near, "E", "750107", "ENROLLED");
        t.certificate(e, 3, "VALID");
        t.account("STUDENT", near, null, e, "e");
        t.optOut(e);
        // a lapsed certificate holds no level
        long f = t.student(near, "F", "750107", "ENROLLED");
        t.certificate(f, 5, "LAPSED");
        for (String s : List.of("I", "J", "K")) {
            t.certificate(t.student(near, s, "750107", "ENROLLED"), 2, "VALID");
        }
        long g = t.student(far, "G", "750107", "ENROLLED");
        t.certificate(g, 4, "VALID");
        long h = t.student(far, "H", "730701", "GRADUATED");
        t.destination(h, "AT_GRADUATION", "UNEMPLOYED", true);
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    @Test
    void rankedByFitThenLackOfWork_localOnesFirst_withTheirReasons() {
        var people = recommendations
                .ranked(posting, 10, new Scope(false, Set.of(near, far), true), false, PageQuery.of(1, 50))
                .items();
        assertThat(people)
                .extracting(Recommendation::name)
                .containsExactly(
                        t.name("B"),
                        t.name("A"),
                        t.name("I"),
                        t.name("J"),
                        t.name("K"),
                        t.name("G"),
                        t.name("C"),
                        t.name("H"));
        assertThat(people).extracting(Recommendation::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(people.get(0).reasons()).containsExactly(Reason.MAJOR, Reason.LEVEL, Reason.JOBLESS, Reason.LOCAL);
        assertThat(people.get(1).reasons()).containsExactly(Reason.MAJOR, Reason.LEVEL, Reason.LOCAL);
        assertThat(people.get(5).reasons()).containsExactly(Reason.MAJOR, Reason.LEVEL);
        assertThat(people.get(6).reasons()).containsExactly(Reason.JOBLESS, Reason.LOCAL);
        assertThat(people.get(7).reasons()).containsExactly(Reason.JOBLESS);
        assertThat(people.get(5).skillRank()).isEqualTo(4);
    }

    @Test
    void neverMoreThanTheHeadcountTimesFive() throws Exception {
        mvc.perform(get("/api/v1/postings/" + posting + "/recommendations").with(as("near-admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cap").value(Ranking.cap(1)))
                .andExpect(jsonPath("$.people.total").value(Ranking.cap(1)))
                .andExpect(jsonPath("$.people.items.length()").value(Ranking.cap(1)))
                .andExpect(jsonPath("$.people.items[4].name").value(t.name("K")));
        mvc.perform(get("/api/v1/postings/" + posting + "/recommendations?page=2&size=3")
                        .with(as("near-admin")))
                .andExpect(jsonPath("$.people.items.length()").value(2))
                .andExpect(jsonPath("$.people.items[1].rank").value(Ranking.cap(1)));
    }

    @Test
    void theOptedOutGraduateIsNeverShown_untilItOptsBackIn() throws Exception {
        t.headcount(posting, 10);
        assertThat(names("near-admin")).doesNotContain(t.name("E"));
        mvc.perform(post("/api/v1/me/jobs/opt-out")
                        .with(as("e"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"optedOut\":false}"))
                .andExpect(jsonPath("$.optedOut").value(false));
        assertThat(names("near-admin")).contains(t.name("E"));
        mvc.perform(post("/api/v1/me/jobs/opt-out")
                .with(as("e"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"optedOut\":true}"));
        assertThat(names("near-admin")).doesNotContain(t.name("E"));
        assertThat(names("unit")).doesNotContain(t.name("E"));
    }

    @Test
    void eachViewerSeesOnlyItsOwnSchoolsStudents_theUnitMasked() throws Exception {
        t.headcount(posting, 10);
        assertThat(names("near-admin")).hasSize(6).doesNotContain(t.name("G"), t.name("H"));
        assertThat(names("far-teacher")).containsExactly(t.name("G"), t.name("H"));
        assertThat(names("unit")).isEqualTo(names("near-admin"));
        mvc.perform(get("/api/v1/postings/" + posting + "/recommendations").with(as("near-admin")))
                .andExpect(jsonPath("$.people.items[0].studentNumber").value(t.number("B")));
        mvc.perform(get("/api/v1/postings/" + posting + "/recommendations").with(as("unit")))
                .andExpect(jsonPath("$.masked").value(true))
                .andExpect(jsonPath("$.people.items[0].studentNumber").doesNotExist())
                .andExpect(jsonPath("$.people.items[0].graduationYear").exists());
        mvc.perform(get("/api/v1/postings/" + posting + "/recommendations").with(as("other-unit")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/postings/" + posting + "/recommendations").with(as("e")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSchoolThatHidThePostingHasNoneOfItsStudentsRecommended() throws Exception {
        t.hide(posting, near);
        assertThat(names("near-admin")).isEmpty();
        assertThat(names("unit")).isEmpty();
        assertThat(names("far-teacher")).isNotEmpty();
    }

    @Test
    void thePageShowsTheReasons() throws Exception {
        String html = mvc.perform(
                        get("/jobs/postings/" + posting + "/recommendations").with(as("unit")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains(t.name("B")).contains("专业对口").doesNotContain(t.number("B"));
    }

    private List<String> names(String who) throws Exception {
        String json = mvc.perform(
                        get("/api/v1/postings/" + posting + "/recommendations").with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.people.items[*].name");
    }

    private RequestPostProcessor as(String who) {
        return user(users.loadUserByUsername(t.username(who)));
    }
}
