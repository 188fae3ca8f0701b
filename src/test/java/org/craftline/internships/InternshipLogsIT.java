package org.craftline.internships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A placement's record kept by its three parties: the student writes its weekly log, the unit's
 * enterprise user co-signs it, the school's teacher reviews it; at the end the mentor and the
 * school file their grades. Each party is held to its own part and its own placements.
 */
@PostgresTest
class InternshipLogsIT {

    static final RequestPostProcessor TEACHER = httpBasic(TestUsers.STAFF, TestUsers.PASSWORD);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    static final long PHOTO_LIMIT = 5L * 1024 * 1024;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    LogFixture f;
    LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

    @BeforeEach
    void placeAStudent() {
        f = LogFixture.create(jdbc, monday.minusWeeks(3), monday.plusWeeks(8));
    }

    static RequestPostProcessor as(String user) {
        return httpBasic(user, TestUsers.PASSWORD);
    }

    @Test
    void studentWritesMentorSignsTeacherReviewsAndBothEvaluate() throws Exception {
        long log = written(monday, "本周学习了玉料的选料与开料。");
        save(log, "本周学习了选料、开料和粗雕。", 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(multipart("/api/v1/internships/{id}/logs/{log}/photos", f.placement(), log)
                        .file(new MockMultipartFile("file", "车间.png", "image/png", PNG))
                        .param("version", "1")
                        .with(as(f.student())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.photos[0].name").value("车间.png"));
        mvc.perform(get("/api/v1/internships/logs/to-sign").param("size", "200").with(as(f.unit())))
                .andExpect(jsonPath("$.items[*].logId", hasItem((int) log)));

        mvc.perform(sign(log, 2).with(TEACHER)).andExpect(status().isForbidden());
        mvc.perform(sign(log, 2).with(as(f.unit())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.signedBy").value(f.unit()));
        save(log, "签字后再改", 3).andExpect(status().isBadRequest());

        mvc.perform(get("/api/v1/internships/logs/review-queue")
                        .param("supervisor", f.supervisor())
                        .param("size", "200")
                        .with(TEACHER))
                .andExpect(jsonPath("$.items[*].logId", hasItem((int) log)));
        mvc.perform(review(log, 3).with(as(f.student()))).andExpect(status().isForbidden());
        mvc.perform(review(log, 3).with(TEACHER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reviewNote").value("认真"));
        mvc.perform(get("/api/v1/internships/logs/review-queue")
                        .param("size", "200")
                        .with(TEACHER))
                .andExpect(jsonPath("$.items[*].logId", not(hasItem((int) log))));

        evaluate("mentor", "GOOD", 0, as(f.unit())).andExpect(status().isBadRequest());
        jdbc.sql("UPDATE internship SET status = 'ENDED', ended_on = :on WHERE id = :id")
                .param("on", LocalDate.now())
                .param("id", f.placement())
                .update();
        evaluate("school", "GOOD", 0, TEACHER).andExpect(status().isBadRequest());
        evaluate("mentor", "GOOD", 0, TEACHER).andExpect(status().isForbidden());
        evaluate("mentor", "GOOD", 0, as(f.unit())).andExpect(status().isOk());
        evaluate("school", "FAIL", 1, TEACHER)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mentorGrade").value("GOOD"))
                .andExpect(jsonPath("$.schoolGrade").value("FAIL"))
                .andExpect(jsonPath("$.passed").value(false));
        evaluate("school", "PASS", 1, TEACHER).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/internships/{id}/evaluation", f.placement()).with(as(f.student())))
                .andExpect(jsonPath("$.schoolGrade").value("FAIL"));

        var audited = jdbc.sql("SELECT after_json FROM audit_event WHERE entity_type IN ('internship_log',"
                        + " 'internship_evaluation') AND entity_key IN (:log, :p)")
                .param("log", String.valueOf(log))
                .param("p", String.valueOf(f.placement()))
                .query(String.class)
                .list();
        assertThat(audited).hasSizeGreaterThanOrEqualTo(7).noneMatch(json -> json.contains("13912345678"));
    }

    @Test
    void anotherUnitAndAnotherStudentFindNothingAndTheWrongRolesCannotSign() throws Exception {
        long log = written(monday.minusWeeks(1), "第二周");
        mvc.perform(get("/api/v1/internships/{id}", f.placement()).with(as(f.otherUnit())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/internships/{id}/logs", f.placement()).with(as(f.otherUnit())))
                .andExpect(status().isNotFound());
        mvc.perform(sign(log, 0).with(as(f.otherUnit()))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/internships/logs/to-sign").param("size", "200").with(as(f.otherUnit())))
                .andExpect(jsonPath("$.items[*].logId", not(hasItem((int) log))));
        mvc.perform(get("/internships/{id}", f.placement()).session(Sessions.login(mvc, f.otherUnit())))
                .andExpect(status().isNotFound());

        mvc.perform(put("/api/v1/internships/{id}/logs/{log}", f.placement(), log)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(logJson(monday.minusWeeks(1), "冒名", 0))
                        .with(as(f.otherStudent())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/internships/{id}/logs", f.placement())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(logJson(monday, "冒名", null))
                        .with(as(f.otherStudent())))
                .andExpect(status().isNotFound());
        mvc.perform(sign(log, 0).with(as(f.student()))).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/internships/{id}/logs", f.placement())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(logJson(monday, "教师代写", null))
                        .with(TEACHER))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPhotoOverFiveMegabytesIsRefusedWithTheLimitAndAStaleEditGets409() throws Exception {
        long log = written(monday.minusWeeks(2), "第三周");
        mvc.perform(multipart("/api/v1/internships/{id}/logs/{log}/photos", f.placement(), log)
                        .file(new MockMultipartFile(
                                "file", "big.png", "image/png", Arrays.copyOf(PNG, (int) PHOTO_LIMIT + 1)))
                        .param("version", "0")
                        .with(as(f.student())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("photo"))
                .andExpect(jsonPath("$.errors[0].message", containsString(String.valueOf(PHOTO_LIMIT))));
        mvc.perform(multipart("/api/v1/internships/{id}/logs/{log}/photos", f.placement(), log)
                        .file(new MockMultipartFile(
                                "file", "at-limit.png", "image/png", Arrays.copyOf(PNG, (int) PHOTO_LIMIT)))
                        .param("version", "0")
                        .with(as(f.student())))
                .andExpect(status().isOk());
        save(log, "我改的", 1).andExpect(status().isOk());
        save(log, "同时改的", 1)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.changes[0].username").value(f.student()));
    }

    @Test
    void theStudentWritesOnThePagesAndTheMentorSeesWhatToSign() throws Exception {
        var student = Sessions.login(mvc, f.student());
        mvc.perform(get("/internships/{id}/logs/new", f.placement()).session(student))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"weekOf\"")));
        mvc.perform(multipart("/internships/{id}/logs", f.placement())
                        .file(new MockMultipartFile(
                                "photos", "a.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                        .param("weekOf", monday.toString())
                        .param("body", "手机上写的周志")
                        .session(student)
                        .with(csrf()))
                .andExpect(redirectedUrl("/internships/" + f.placement()));
        mvc.perform(multipart("/internships/{id}/logs", f.placement())
                        .param("weekOf", monday.plusDays(1).toString())
                        .param("body", "不是星期一")
                        .session(student)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请选择该周的星期一")));
        mvc.perform(get("/internships/{id}/logs/new", f.placement()).session(Sessions.login(mvc, TestUsers.STAFF)))
                .andExpect(status().isForbidden());
        var unit = Sessions.login(mvc, f.unit());
        mvc.perform(get("/internships/{id}", f.placement()).session(unit))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("手机上写的周志")))
                .andExpect(content().string(containsString("签字确认")));
        mvc.perform(get("/internships/logs/to-sign").session(unit))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/internships/" + f.placement())));
        mvc.perform(get("/internships/logs/review").session(Sessions.login(mvc, TestUsers.STAFF)))
                .andExpect(status().isOk());
    }

    @Test
    void theSchoolRecordsContactsAndBothRecordIncidentsWithFollowUp() throws Exception {
        String today = LocalDate.now().toString();
        mvc.perform(post("/api/v1/internships/{id}/contacts", f.placement())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"VISIT\",\"contactedOn\":\"" + today + "\",\"note\":\"到车间走访\"}")
                        .with(TEACHER))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.recordedBy").value(TestUsers.STAFF));
        mvc.perform(post("/api/v1/internships/{id}/contacts", f.placement())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"CALL\",\"contactedOn\":\"" + today + "\",\"note\":\"企业代记\"}")
                        .with(as(f.unit())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/internships/{id}/contacts", f.placement()).with(as(f.student())))
                .andExpect(jsonPath("$[0].note").value("到车间走访"));

        String incident = "{\"kind\":\"INJURY\",\"occurredOn\":\"" + today + "\",\"description\":\"手指划伤\"";
        String json = mvc.perform(post("/api/v1/internships/{id}/incidents", f.placement())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(incident + "}")
                        .with(as(f.unit())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        mvc.perform(post("/api/v1/internships/{id}/incidents", f.placement())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(incident + "}")
                        .with(as(f.otherUnit())))
                .andExpect(status().isNotFound());
        String followUp = incident + ",\"followUp\":\"已就医\",\"closedOn\":\"" + today + "\",\"version\":0}";
        mvc.perform(put("/api/v1/internships/{id}/incidents/{i}", f.placement(), id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(followUp)
                        .with(TEACHER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closedOn").value(today))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/internships/{id}/incidents/{i}", f.placement(), id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(followUp)
                        .with(as(f.unit())))
                .andExpect(status().isConflict());
        mvc.perform(get("/internships/{id}", f.placement()).session(Sessions.login(mvc, f.student())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已就医")))
                .andExpect(content().string(containsString("到车间走访")));
    }

    private long written(LocalDate week, String body) throws Exception {
        String json = mvc.perform(post("/api/v1/internships/{id}/logs", f.placement())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(logJson(week, body, null))
                        .with(as(f.student())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private ResultActions save(long log, String body, Integer version) throws Exception {
        return mvc.perform(put("/api/v1/internships/{id}/logs/{log}", f.placement(), log)
                .contentType(MediaType.APPLICATION_JSON)
                .content(logJson(monday, body, version))
                .with(as(f.student())));
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder sign(long log, int version) {
        return post("/api/v1/internships/{id}/logs/{log}/sign", f.placement(), log)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version + "}");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder review(long log, int version) {
        return post("/api/v1/internships/{id}/logs/{log}/review", f.placement(), log)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"认真\",\"version\":" + version + "}");
    }

    @Test
    void theSchoolEvaluatesAloneWhenTheUnitHasNoAccount() throws Exception {
        jdbc.sql("UPDATE internship SET status = 'ENDED', ended_on = :on WHERE id = :id")
                .param("on", LocalDate.now())
                .param("id", f.placement())
                .update();
        // every enabled account of the unit (other tests' fixtures and the demo may share it) off, then on again
        var accounts = jdbc.sql("SELECT u.id FROM app_user u JOIN internship i ON i.enterprise_id = u.enterprise_id"
                        + " WHERE i.id = :p AND u.enabled = TRUE")
                .param("p", f.placement())
                .query(Long.class)
                .list();
        String switchOver = "UPDATE app_user SET enabled = :on WHERE id IN (:ids)";
        jdbc.sql(switchOver).param("on", false).param("ids", accounts).update();
        try {
            evaluate("school", "GOOD", 0, TEACHER)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.mentorGrade").doesNotExist())
                    .andExpect(jsonPath("$.passed").value(true));
        } finally {
            jdbc.sql(switchOver).param("on", true).param("ids", accounts).update();
        }
    }

    private ResultActions evaluate(String who, String grade, int version, RequestPostProcessor as) throws Exception {
        return mvc.perform(put("/api/v1/internships/{id}/evaluation/{who}", f.placement(), who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"grade\":\"" + grade + "\",\"comment\":\"评语\",\"version\":" + version + "}")
                .with(as));
    }

    private static String logJson(LocalDate week, String body, Integer version) {
        return "{\"weekOf\":\"" + week + "\",\"body\":\"" + body + "\",\"version\":" + version + "}";
    }
}
