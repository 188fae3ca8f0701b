package org.craftline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.craftline.support.InternshipFixture;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The internship formulas on the hand-checked school of {@link InternshipFixture} (derivation there). */
@PostgresTest
class InternshipIndicatorsIT {

    static final String SCHOOL = "4141019971";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    InternshipFixture fixture;
    long school;

    @BeforeEach
    void handCheckedSchool() {
        fixture = new InternshipFixture(jdbc, SCHOOL);
        school = fixture.create();
    }

    @AfterEach
    void removeIt() {
        fixture.remove();
    }

    @Test
    void eachFormulaOnTheHandCheckedSchool() throws Exception {
        indicators(2025, TestUsers.ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.internship_rate").value(0.4286))
                .andExpect(jsonPath("$.indicators.internship_insured_rate").value(0.6))
                .andExpect(jsonPath("$.indicators.internship_agreement_rate").value(0.4))
                .andExpect(jsonPath("$.indicators.matched_internship_rate").value(0.6667))
                .andExpect(jsonPath("$.indicators.internship_pass_rate").value(0.5))
                .andExpect(jsonPath("$.indicators.internships_at_risk").value(3))
                // today (after 2026-04-30) is past every 2025 placement's end: C2's 11-24 log is due now
                .andExpect(jsonPath("$.indicators.log_submission_rate").value(0.403));
        indicators(2024, TestUsers.ADMIN)
                .andExpect(jsonPath("$.indicators.internship_rate").value(0.0))
                .andExpect(jsonPath("$.indicators.internship_insured_rate").value(0.0))
                .andExpect(jsonPath("$.indicators.internship_agreement_rate").value(1.0))
                .andExpect(jsonPath("$.indicators.matched_internship_rate").value(1.0))
                .andExpect(jsonPath("$.indicators.internship_pass_rate").value(1.0))
                .andExpect(jsonPath("$.indicators.log_submission_rate").value(0.5));
    }

    @Test
    void logsAreDueOnlyUpToTheClocksToday() {
        InternshipIndicators beans = new InternshipIndicators();
        assertThat(logRate(beans, LocalDate.of(2025, 11, 19))).isEqualByComparingTo("0.7222");
        // before any 2025 placement started nothing is due: undefined, not 0
        assertThat(logRate(beans, LocalDate.of(2025, 3, 2))).isNull();
        // the first day of P1: one week due, its log written
        assertThat(logRate(beans, LocalDate.of(2025, 3, 3))).isEqualByComparingTo("1");
    }

    @Test
    void noPlacementsMeansNoRateButNoneAtRisk() throws Exception {
        indicators(2019, TestUsers.ADMIN)
                .andExpect(jsonPath("$.indicators.internship_insured_rate").value(nullValue()))
                .andExpect(jsonPath("$.indicators.log_submission_rate").value(nullValue()))
                .andExpect(jsonPath("$.indicators.internships_at_risk").value(3));
    }

    @Test
    void anotherSchoolsUserCannotReadThem() throws Exception {
        indicators(2025, TestUsers.SCHOOL_ADMIN).andExpect(status().isNotFound());
    }

    private BigDecimal logRate(InternshipIndicators beans, LocalDate today) {
        Clock clock =
                Clock.fixed(today.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        Number rate = beans.logSubmissionRate(jdbc, clock)
                .compute(new IndicatorScope(Set.of(school), 2025, "AT_GRADUATION", "2025-2026-1"));
        return rate == null ? null : (BigDecimal) rate;
    }

    private ResultActions indicators(int year, String user) throws Exception {
        return mvc.perform(get("/api/v1/indicators")
                .param("school", SCHOOL)
                .param("year", String.valueOf(year))
                .with(httpBasic(user, TestUsers.PASSWORD)));
    }
}
