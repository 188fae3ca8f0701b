package org.craftline.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.StaleSaves;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two people editing one programme or one trainee's outcome in a cohort: the later save from an
 * older version is refused with who changed what (cohorts and trainees have no edit form).
 */
@PostgresTest
class SocialStaleEditIT {

    static final RequestPostProcessor ZP_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    StaleSaves saves;

    @BeforeEach
    void setUp() {
        saves = new StaleSaves(mvc, json);
    }

    @Test
    void aStaleProgrammeSaveIsRefusedThroughTheApiAndThePage() throws Exception {
        Map<String, Object> created = create(
                "/api/v1/social/programmes",
                "{\"name\":\"锁测试项目\",\"kind\":\"LABOUR_TRANSFER\",\"occupation\":\"家政服务员\",\"hours\":80}");
        String url = "/api/v1/social/programmes/" + created.get("id");
        var form = StaleSaves.form(
                created, "schoolCode", "name", "kind", "occupation", "hours", "fundingSource", "version");
        saves.apiRefusesTheStaleSave(url, form, "occupation", "育婴员", "电工", ZP_ADMIN, TestUsers.SCHOOL_ADMIN);
        assertThat(saves.read(url, ZP_ADMIN)).containsEntry("occupation", "育婴员");
        form.put("occupation", "育婴员");
        saves.pageFormShowsTheStaleSaveAgain(
                "/social/programmes/" + created.get("id"),
                form,
                "fundingSource",
                "雨露计划",
                (int) form.get("version"),
                Sessions.login(mvc, TestUsers.SCHOOL_ADMIN));
        assertThat(saves.read(url, ZP_ADMIN)).containsEntry("fundingSource", "雨露计划");
    }

    @Test
    void aStaleOutcomeSaveIsRefusedThroughTheApiAndThePage() throws Exception {
        Map<String, Object> programme = create(
                "/api/v1/social/programmes",
                "{\"name\":\"锁测试项目二\",\"kind\":\"LABOUR_TRANSFER\",\"occupation\":\"家政服务员\",\"hours\":80}");
        LocalDate start = LocalDate.of(2026, 3, 2);
        create(
                "/api/v1/social/programmes/" + programme.get("id") + "/cohorts",
                "{\"code\":\"LOCK-1\",\"startsOn\":\"" + start + "\",\"endsOn\":\"" + start.plusMonths(2) + "\"}");
        Map<String, Object> enrolment = create(
                "/api/v1/social/cohorts/LOCK-1/enrolments",
                "{\"name\":\"锁测试学员\",\"idNumber\":\"" + SocialIT.id(LocalDate.of(1966, 6, 16), 7)
                        + "\",\"household\":\"RURAL\",\"township\":\"石佛寺镇\",\"attendanceHours\":10,"
                        + "\"completed\":false}");
        String url = "/api/v1/social/enrolments/" + enrolment.get("id");
        var form = StaleSaves.form(enrolment, "attendanceHours", "completed", "version");
        saves.apiRefusesTheStaleSave(url, form, "attendanceHours", 30, 40, ZP_ADMIN, TestUsers.SCHOOL_ADMIN);
        assertThat(saves.read(url, ZP_ADMIN)).containsEntry("attendanceHours", 30);
        saves.pageFormShowsTheStaleSaveAgain(
                "/social/enrolments/" + enrolment.get("id"),
                form,
                "attendanceHours",
                "50",
                (int) form.get("version"),
                Sessions.login(mvc, TestUsers.SCHOOL_ADMIN));
        assertThat(saves.read(url, ZP_ADMIN)).containsEntry("attendanceHours", 50);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(String url, String body) throws Exception {
        String created = mvc.perform(post(url)
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readValue(created, Map.class);
    }
}
