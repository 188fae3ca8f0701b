package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A graduate reports where it is now; it counts once the school confirms it. */
@PostgresTest
class SelfReportIT {

    static final RequestPostProcessor STUDENT = httpBasic("student", TestUsers.PASSWORD);
    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGraduateReportsAndTheSchoolConfirms() throws Exception {
        long me = jdbc.sql("SELECT student_id FROM app_user WHERE username = 'student'")
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/me/destinations").with(STUDENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].followUp").value("AT_GRADUATION"));
        String report = "{\"kind\":\"EMPLOYED\",\"employerName\":\"北京工艺美术厂\",\"position\":\"设计师\",\"inCounty\":false}";
        mvc.perform(post("/api/v1/me/destinations")
                        .with(STUDENT)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.followUp").value("LATER"))
                .andExpect(jsonPath("$.confirmed").value(false))
                .andExpect(jsonPath("$.latest").value(false));
        int reported = StoredVersions.destination(jdbc, me, "LATER");
        mvc.perform(post("/api/v1/me/destinations")
                        .with(STUDENT)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(report))
                .andExpect(status().isOk());
        assertThat(StoredVersions.destination(jdbc, me, "LATER"))
                .as("a report replacing the graduate's earlier one keeps counting versions")
                .isEqualTo(reported + 1);
        mvc.perform(get("/api/v1/destinations/pending").with(ADMIN))
                .andExpect(jsonPath("$[?(@.studentId == " + me + ")].employer").value("北京工艺美术厂"));
        mvc.perform(post("/api/v1/graduates/{id}/confirm", me).with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/graduates/{id}/confirm", me).with(ADMIN)).andExpect(status().isOk());
        assertThat(StoredVersions.destination(jdbc, me, "LATER"))
                .as("confirming is a change: a correction made from before it is refused")
                .isEqualTo(reported + 2);
        assertThat(jdbc.sql("SELECT follow_up FROM destination WHERE student_id = :s AND latest = TRUE")
                        .param("s", me)
                        .query(String.class)
                        .single())
                .isEqualTo("LATER");
        // the graduate's free-text employer was judged not matched: the school corrects it, with a reason
        String correction = "{\"matched\":true,\"local\":false,\"reason\":\"岗位为玉雕设计，与专业对口\",\"version\":"
                + StoredVersions.destination(jdbc, me, "LATER") + "}";
        mvc.perform(put("/api/v1/graduates/{id}/destinations/LATER/match", me)
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(correction))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/graduates/{id}/destinations/LATER/match", me)
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"matched\":true,\"local\":false,\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/graduates/{id}/destinations/LATER/match", me)
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(correction))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(true))
                .andExpect(jsonPath("$.matchedReason").value("岗位为玉雕设计，与专业对口"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'destination' AND entity_key = :k"
                                + " AND action = 'UPDATE'")
                        .param("k", me + "/LATER")
                        .query(Long.class)
                        .single())
                .isPositive();
        // and on the page, the same correction through its form
        var office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(post("/graduates/{id}/match", me)
                        .session(office)
                        .with(csrf())
                        .param("point", "LATER")
                        .param("local", "true")
                        .param("reason", "单位在本县")
                        .param("versions[LATER]", String.valueOf(StoredVersions.destination(jdbc, me, "LATER"))))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT local_job FROM destination WHERE student_id = :s AND follow_up = 'LATER'")
                        .param("s", me)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aGraduateSeesOnlyItsOwnRecordAndTheSchoolUsesItsPages() throws Exception {
        long other = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE s.student_number = 'G202600002' AND sc.code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/graduates/{id}/destinations", other).with(STUDENT))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/me/destinations")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"UNKNOWN\"}"))
                .andExpect(status().isForbidden());
        var student = Sessions.login(mvc, "student");
        mvc.perform(get("/me").session(student)).andExpect(status().isOk());
        mvc.perform(post("/me/destination")
                        .session(student)
                        .with(csrf())
                        .param("kind", "FURTHER_STUDY")
                        .param("_inCounty", "on"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/graduates").session(student)).andExpect(status().isForbidden());
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        for (String page :
                new String[] {"/graduates", "/graduates?year=2020", "/graduates/pending", "/graduates/" + other}) {
            mvc.perform(get(page).session(admin)).andExpect(status().isOk());
        }
        mvc.perform(get("/me").session(admin)).andExpect(status().isForbidden());
    }
}
