package org.craftline.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.StaleSaves;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two people editing one region, school, major, class or staff member: the later save from an older
 * version is refused with who changed what, through the API and the page form, not silently lost.
 */
@PostgresTest
class OrganisationStaleEditIT {

    static final RequestPostProcessor OPERATOR = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor SCHOOL_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    StaleSaves saves;

    @BeforeEach
    void setUp() {
        saves = new StaleSaves(mvc, json);
    }

    @Test
    void aStaleRegionSaveIsRefused() throws Exception {
        Map<String, Object> region = create(
                "/api/v1/regions",
                "{\"code\":\"411396\",\"name\":\"锁测试县\",\"level\":\"COUNTY\",\"parentCode\":\"411300\"}",
                OPERATOR);
        String url = "/api/v1/regions/411396";
        var form = StaleSaves.form(region, "code", "name", "nameEn", "level", "parentCode", "version");
        saves.apiRefusesTheStaleSave(url, form, "name", "他们的县", "我的县", OPERATOR, TestUsers.ADMIN);
        assertThat(saves.read(url, OPERATOR)).containsEntry("name", "他们的县").containsEntry("version", 1);
    }

    @Test
    void aStaleSchoolSaveIsRefused() throws Exception {
        create(
                "/api/v1/schools",
                "{\"code\":\"4141013296\",\"name\":\"锁测试学校\",\"regionCode\":\"411324\",\"foundedYear\":1990}",
                OPERATOR);
        String url = "/api/v1/schools/4141013296";
        @SuppressWarnings("unchecked")
        Map<String, Object> school =
                (Map<String, Object>) saves.read(url, OPERATOR).get("school");
        var form = StaleSaves.form(school, "code", "name", "nameEn", "regionCode", "foundedYear", "version");
        saves.apiRefusesTheStaleSave(url, form, "name", "他们的学校", "我的学校", OPERATOR, TestUsers.ADMIN);
        assertThat(saves.read(url, OPERATOR).get("school").toString()).contains("他们的学校");
    }

    @Test
    void aStaleSchoolFormIsShownAgainWithTheStoredVersion() throws Exception {
        create(
                "/api/v1/schools",
                "{\"code\":\"4141013295\",\"name\":\"锁测试学校二\",\"regionCode\":\"411324\",\"foundedYear\":1990,"
                        + "\"majorCodes\":[\"750107\"]}",
                OPERATOR);
        String url = "/api/v1/schools/4141013295";
        Map<String, Object> read = saves.read(url, OPERATOR);
        @SuppressWarnings("unchecked")
        Map<String, Object> school = (Map<String, Object>) read.get("school");
        var form = StaleSaves.form(school, "code", "name", "nameEn", "regionCode", "foundedYear", "version");
        form.put("majorCodes", StaleSaves.codes(read.get("majors")));
        int version = (int) form.get("version");
        var theirs = new java.util.HashMap<>(form);
        theirs.put("nameEn", "Changed by someone else");
        saves.save(url, theirs, OPERATOR).andExpect(status().isOk());
        saves.pageFormShowsTheStaleSaveAgain(
                "/organisation/schools/4141013295",
                form,
                "nameEn",
                "Changed by me",
                version,
                Sessions.login(mvc, TestUsers.ADMIN));
        assertThat(saves.read(url, OPERATOR).get("school").toString()).contains("Changed by me");
        assertThat(StaleSaves.codes(saves.read(url, OPERATOR).get("majors"))).containsExactly("750107");
    }

    @Test
    void aStaleMajorSaveIsRefused() throws Exception {
        Map<String, Object> major = create("/api/v1/majors", "{\"code\":\"750196\",\"name\":\"锁测试专业\"}", OPERATOR);
        String url = "/api/v1/majors/750196";
        var form = StaleSaves.form(major, "code", "name", "nameEn", "version");
        saves.apiRefusesTheStaleSave(url, form, "name", "他们的专业", "我的专业", OPERATOR, TestUsers.ADMIN);
        assertThat(saves.read(url, OPERATOR)).containsEntry("name", "他们的专业");
    }

    @Test
    void aStaleClassSaveIsRefused() throws Exception {
        String major =
                jdbc.sql("""
                        SELECT m.code FROM school_major sm JOIN major m ON m.id = sm.major_id
                        JOIN school s ON s.id = sm.school_id WHERE s.code = :s ORDER BY m.code LIMIT 1
                        """).param("s", TestUsers.ZHENPING).query(String.class).single();
        Map<String, Object> created = create(
                "/api/v1/classes",
                "{\"majorCode\":\"" + major + "\",\"entryYear\":2026,\"name\":\"锁测试班\"}",
                SCHOOL_ADMIN);
        String url = "/api/v1/classes/" + created.get("id");
        var form = StaleSaves.form(created, "schoolCode", "majorCode", "entryYear", "name", "adviserNumber", "version");
        saves.apiRefusesTheStaleSave(url, form, "name", "他们的班", "我的班", SCHOOL_ADMIN, TestUsers.SCHOOL_ADMIN);
        assertThat(saves.read(url, SCHOOL_ADMIN)).containsEntry("name", "他们的班");
    }

    @Test
    void aStaleStaffSaveIsRefusedThroughTheApiAndThePage() throws Exception {
        Map<String, Object> created = create(
                "/api/v1/staff",
                "{\"staffNumber\":\"LOCK-1\",\"name\":\"锁测试教师\",\"fullTime\":true,\"dualQualified\":false}",
                SCHOOL_ADMIN);
        String url = "/api/v1/staff/" + created.get("id");
        var form = StaleSaves.form(
                created,
                "schoolCode",
                "staffNumber",
                "name",
                "title",
                "category",
                "fullTime",
                "dualQualified",
                "version");
        saves.apiRefusesTheStaleSave(url, form, "name", "他们的名字", "我的名字", SCHOOL_ADMIN, TestUsers.SCHOOL_ADMIN);
        form.put("name", "他们的名字");
        saves.pageFormShowsTheStaleSaveAgain(
                "/organisation/staff/" + created.get("id"),
                form,
                "title",
                "我的职称",
                (int) form.get("version"),
                Sessions.login(mvc, TestUsers.SCHOOL_ADMIN));
        assertThat(saves.read(url, SCHOOL_ADMIN)).containsEntry("title", "我的职称");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> create(String url, String body, RequestPostProcessor who) throws Exception {
        String created = mvc.perform(post(url)
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readValue(created, Map.class);
    }
}
