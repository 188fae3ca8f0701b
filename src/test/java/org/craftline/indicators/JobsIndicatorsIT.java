package org.craftline.indicators;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.craftline.support.JobsFixture;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The jobs figures on the hand-checked county of {@link JobsFixture} (derivation there). */
@PostgresTest
class JobsIndicatorsIT {

    static final String SCHOOL = "4141019962";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    JobsFixture fixture;

    @BeforeEach
    void handCheckedCounty() {
        fixture = new JobsFixture(jdbc, SCHOOL);
        fixture.create();
    }

    @AfterEach
    void removeIt() {
        fixture.remove();
    }

    @Test
    void eachFigureOnTheHandCheckedCounty() throws Exception {
        indicators(2025, TestUsers.ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.postings_published").value(4))
                .andExpect(jsonPath("$.indicators.places_offered").value(15))
                .andExpect(jsonPath("$.indicators.applications_per_posting").value(1.25))
                .andExpect(jsonPath("$.indicators.school_hires").value(1))
                .andExpect(jsonPath("$.indicators.school_hire_share").value(0.3333));
    }

    @Test
    void aYearWithoutPostingsHasNoApplicationsPerPosting() throws Exception {
        // 2024: P5 only (10 places), applied to by g1; no destinations of 2024 at graduation
        indicators(2024, TestUsers.ADMIN)
                .andExpect(jsonPath("$.indicators.postings_published").value(1))
                .andExpect(jsonPath("$.indicators.places_offered").value(10))
                .andExpect(jsonPath("$.indicators.applications_per_posting").value(1.0))
                .andExpect(jsonPath("$.indicators.school_hire_share").value(Matchers.nullValue()));
        indicators(2019, TestUsers.ADMIN)
                .andExpect(jsonPath("$.indicators.postings_published").value(0))
                .andExpect(jsonPath("$.indicators.places_offered").value(0))
                .andExpect(jsonPath("$.indicators.applications_per_posting").value(Matchers.nullValue()));
    }

    @Test
    void anotherSchoolsUserCannotReadThem() throws Exception {
        indicators(2025, TestUsers.SCHOOL_ADMIN).andExpect(status().isNotFound());
    }

    private ResultActions indicators(int year, String user) throws Exception {
        return mvc.perform(get("/api/v1/indicators")
                .param("school", SCHOOL)
                .param("year", String.valueOf(year))
                .with(httpBasic(user, TestUsers.PASSWORD)));
    }
}
