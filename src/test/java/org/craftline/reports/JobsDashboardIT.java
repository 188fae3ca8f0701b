package org.craftline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.support.JobsFixture;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard's jobs charts on the hand-checked county of {@link JobsFixture} (derivation there). */
@PostgresTest
class JobsDashboardIT {

    static final String SCHOOL = "4141019963";

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
    void postingsByUnitAndTownAndTheClustersDemandAgainstGraduates() throws Exception {
        String body = mvc.perform(get("/api/v1/reports/dashboard")
                        .param("school", SCHOOL)
                        .param("year", "2025")
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(rows(body, "postingUnits", "label")).containsExactly("岗位测试玉雕坊一", "岗位测试外县厂", "岗位测试玉雕坊二");
        assertThat(rows(body, "postingUnits", "values")).containsExactly(List.of(2, 8), List.of(1, 6), List.of(1, 1));
        assertThat(rows(body, "postingTowns", "label")).containsExactly("外县镇", "甲镇", "乙镇");
        assertThat(rows(body, "postingTowns", "values")).containsExactly(List.of(1, 6), List.of(1, 5), List.of(2, 4));
        assertThat(rows(body, "demand", "label")).containsExactly("玉雕艺术", "地毯设计与织造");
        assertThat(rows(body, "demand", "values")).containsExactly(List.of(11, 2), List.of(6, 1));
    }

    @Test
    void theChartsAreOnTheBureausAndTheSchoolsDashboardPages() throws Exception {
        var bureau = Sessions.login(mvc, TestUsers.BUREAU);
        String page = mvc.perform(get("/dashboard/body")
                        .param("region", JobsFixture.REGION)
                        .session(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"chart-demand\"", "id=\"table-demand\"", "id=\"chart-postingTowns\"");
        var admin = Sessions.login(mvc, TestUsers.ADMIN);
        mvc.perform(get("/dashboard/export")
                        .param("chart", "demand")
                        .param("school", SCHOOL)
                        .session(admin))
                .andExpect(status().isOk());
    }

    private static List<Object> rows(String body, String key, String field) {
        return JsonPath.read(body, "$.tables[?(@.key == '" + key + "')].rows[*]." + field);
    }
}
