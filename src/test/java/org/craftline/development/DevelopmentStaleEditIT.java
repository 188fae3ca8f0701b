package org.craftline.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.development.DevelopmentFixtures.ZP_ADMIN;
import static org.craftline.development.DevelopmentFixtures.project;
import static org.craftline.development.DevelopmentFixtures.unique;
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
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Two people correcting one honour or funded project: the later save from an older version is refused. */
@PostgresTest
class DevelopmentStaleEditIT {

    static final String[] PROJECT_FIELDS = {
        "schoolCode", "name", "fundingSource", "level", "awardYear", "amountAwarded", "status", "note", "version"
    };

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
    void aStaleHonourSaveIsRefusedThroughTheApiAndThePage() throws Exception {
        long id = honour();
        String url = "/api/v1/honours/" + id;
        var form = StaleSaves.form(
                saves.read(url, ZP_ADMIN),
                "schoolCode",
                "title",
                "awardingBody",
                "level",
                "fromYear",
                "toYear",
                "note",
                "version");
        form.put("studentNumber", "");
        form.put("staffNumber", "");
        saves.apiRefusesTheStaleSave(url, form, "title", "他们的荣誉", "我的荣誉", ZP_ADMIN, TestUsers.SCHOOL_ADMIN);
        assertThat(saves.read(url, ZP_ADMIN)).containsEntry("title", "他们的荣誉");
        form.put("title", "他们的荣誉");
        saves.pageFormShowsTheStaleSaveAgain(
                "/development/honours/" + id,
                form,
                "awardingBody",
                "我的颁发单位",
                (int) form.get("version"),
                Sessions.login(mvc, TestUsers.SCHOOL_ADMIN));
        assertThat(saves.read(url, ZP_ADMIN)).containsEntry("awardingBody", "我的颁发单位");
    }

    @Test
    void aStaleProjectSaveIsRefusedThroughTheApiAndThePage() throws Exception {
        long id = project(mvc, ZP_ADMIN, unique("锁测试项目"), "1000.00");
        String url = "/api/v1/projects/" + id;
        var form = StaleSaves.form(readProject(url), PROJECT_FIELDS);
        String theirs = unique("他们的项目");
        saves.apiRefusesTheStaleSave(url, form, "name", theirs, unique("我的项目"), ZP_ADMIN, TestUsers.SCHOOL_ADMIN);
        assertThat(readProject(url)).containsEntry("name", theirs);
        form.put("name", theirs);
        String mine = unique("我的项目");
        saves.pageFormShowsTheStaleSaveAgain(
                "/development/projects/" + id,
                form,
                "name",
                mine,
                (int) form.get("version"),
                Sessions.login(mvc, TestUsers.SCHOOL_ADMIN));
        assertThat(readProject(url)).containsEntry("name", mine);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readProject(String url) throws Exception {
        return (Map<String, Object>) saves.read(url, ZP_ADMIN).get("project");
    }

    @SuppressWarnings("unchecked")
    private long honour() throws Exception {
        String created = mvc.perform(post("/api/v1/honours")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"锁测试荣誉\",\"awardingBody\":\"河南省教育厅\",\"level\":\"PROVINCIAL\","
                                + "\"fromYear\":2020}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) json.readValue(created, Map.class).get("id")).longValue();
    }
}
