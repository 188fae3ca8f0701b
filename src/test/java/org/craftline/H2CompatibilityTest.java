package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The embedded database that {@code ./mvnw spring-boot:run} uses: the app starts on H2 in
 * PostgreSQL mode, every migration applies, the demo loads, and one flow per module works.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:compat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD
        })
@AutoConfigureMockMvc
class H2CompatibilityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsApplyAndTheDemoLoads() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM school").query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single())
                .isEqualTo(6);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff").query(Long.class).single())
                .isEqualTo(280);
    }

    @Test
    void organisationFlowWorksOnH2() throws Exception {
        var basic = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
        String created = mvc.perform(post("/api/v1/staff")
                        .with(basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"staffNumber\":\"H2-1\",\"name\":\"张三\",\"fullTime\":true,\"dualQualified\":true}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(get("/api/v1/staff").param("q", "H2-1").with(basic))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(delete(created).with(basic)).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'staff'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        mvc.perform(get("/api/v1/classes").param("q", "玉雕").with(basic))
                .andExpect(jsonPath("$.total").value(24));
    }

    @Test
    void theDemoSchoolsProfileFiguresComeFromTheRecords() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.ZHENPING)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.indicators.graduates_total").value(28400))
                .andExpect(jsonPath("$.indicators.enterprises_employing_graduates")
                        .value(org.hamcrest.Matchers.greaterThanOrEqualTo(2000)))
                .andExpect(jsonPath("$.indicators.masters_national").value(4))
                .andExpect(jsonPath("$.indicators.masters_provincial_municipal").value(21))
                .andExpect(jsonPath("$.indicators.senior_craftsmen").value(62))
                .andExpect(
                        jsonPath("$.indicators.practical_training_rate").value(org.hamcrest.Matchers.greaterThan(0.8)));
    }

    @Test
    void pagesRenderOnH2() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/organisation/classes").session(session)).andExpect(status().isOk());
        mvc.perform(get("/audit").session(session)).andExpect(status().isOk());
        mvc.perform(get("/talent/masters").session(session)).andExpect(status().isOk());
        mvc.perform(get("/training/rates").session(session)).andExpect(status().isOk());
    }
}
