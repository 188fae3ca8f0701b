package org.craftline.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two people editing one course, workshop or training session: the later save from an older version
 * is refused with who changed what, on the API and on the form, instead of silently overwriting.
 */
@PostgresTest
class TrainingStaleEditIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor TEACHER = httpBasic(TestUsers.STAFF, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void aCourseSavedFromAnOlderVersionIsRefusedOnTheApiAndTheForm() throws Exception {
        create("/api/v1/training/courses", Map.of("code", "LOCK-C1", "name", "锁定课程", "majorCode", "750107"));
        String path = "/api/v1/training/courses/LOCK-C1";
        Map<String, Object> body = new HashMap<>(Map.of("name", "锁定课程", "majorCode", "750107"));
        refusesAStaleSave(ADMIN, path, "$.course", body, "name", "甲改的课名", "乙改的课名");

        int version = version(path, "$.course");
        body.put("name", "别人又改了");
        save(ADMIN, path, body, version).andExpect(status().isOk());
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        Map<String, String> form =
                Map.of("schoolCode", TestUsers.ZHENPING, "code", "LOCK-C1", "name", "我在表单里改的", "majorCode", "750107");
        String page = postForm(session, "/training/courses/LOCK-C1", form, version)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("修改了这条记录")
                .contains("value=\"我在表单里改的\"")
                .contains("name=\"version\" value=\"" + (version + 1) + "\"");
        postForm(session, "/training/courses/LOCK-C1", form, version + 1)
                .andExpect(redirectedUrl("/training/courses/LOCK-C1?school=" + TestUsers.ZHENPING));
        assertThat(read(ADMIN, path)).contains("我在表单里改的");
    }

    @Test
    void aWorkshopSavedFromAnOlderVersionIsRefusedOnTheApiAndTheForm() throws Exception {
        Map<String, Object> body = new HashMap<>(
                Map.of("name", "锁定实训室", "kind", "WORKSHOP", "area", 120, "stations", 30, "equipmentValue", 50000));
        long id = create("/api/v1/training/workshops", body);
        String path = "/api/v1/training/workshops/" + id;
        refusesAStaleSave(ADMIN, path, "$", body, "stations", 40, 50);

        int version = version(path, "$");
        body.put("name", "别人改的实训室");
        save(ADMIN, path, body, version).andExpect(status().isOk());
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        Map<String, String> form = Map.of(
                "schoolCode", TestUsers.ZHENPING,
                "name", "表单里的实训室",
                "kind", "WORKSHOP",
                "area", "120",
                "stations", "30",
                "equipmentValue", "50000");
        assertThat(postForm(session, "/training/workshops/" + id, form, version)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("修改了这条记录")
                .contains("value=\"表单里的实训室\"")
                .contains("name=\"version\" value=\"" + (version + 1) + "\"");
        postForm(session, "/training/workshops/" + id, form, version + 1)
                .andExpect(redirectedUrl("/training/workshops"));
        assertThat(read(ADMIN, path)).contains("表单里的实训室");
    }

    @Test
    void aSessionSavedFromAnOlderVersionIsRefusedWhoeverRecordedIt() throws Exception {
        create("/api/v1/training/courses", Map.of("code", "LOCK-S1", "name", "锁定课时", "majorCode", "750107"));
        create("/api/v1/training/courses/LOCK-S1/items", Map.of("code", "L1", "name", "项目 L1", "hours", 8));
        Map<String, Object> body = new HashMap<>(Map.of(
                "courseCode", "LOCK-S1",
                "itemCode", "L1",
                "className", jadeClass(),
                "heldOn", "2017-10-10",
                "hours", 2));
        long id = create("/api/v1/training/sessions", body);
        String path = "/api/v1/training/sessions/" + id;
        // a teacher records, an administrator corrects the same session from an older read
        refusesAStaleSave(TEACHER, path, "$", body, "hours", 4, 6);
    }

    /**
     * Save with the version read (200, version + 1), again from the same read (409 naming the user and
     * the field), and without a version (400 on {@code version}); the first save is the one kept.
     */
    private void refusesAStaleSave(
            RequestPostProcessor user,
            String path,
            String record,
            Map<String, Object> body,
            String field,
            Object first,
            Object second)
            throws Exception {
        int version = version(path, record);
        body.put(field, first);
        save(user, path, body, version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1));
        body.put(field, second);
        save(ADMIN, path, body, version)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(version + 1))
                .andExpect(jsonPath("$.changes[0].username").value(username(user)))
                .andExpect(jsonPath("$.changes[0].fields[0]").value(field));
        assertThat(JsonPath.<Object>read(read(ADMIN, path), record + "." + field)
                        .toString())
                .startsWith(String.valueOf(first));
        save(ADMIN, path, body, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        assertThat(version(path, record)).isEqualTo(version + 1);
    }

    private static String username(RequestPostProcessor user) {
        return user == TEACHER ? TestUsers.STAFF : TestUsers.SCHOOL_ADMIN;
    }

    private long create(String path, Map<String, Object> body) throws Exception {
        String created = mvc.perform(post(path)
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // a course is named by its code and answers no id
        return created.contains("\"id\"") ? ((Number) JsonPath.read(created, "$.id")).longValue() : 0;
    }

    private ResultActions save(RequestPostProcessor user, String path, Map<String, Object> body, Integer version)
            throws Exception {
        Map<String, Object> sent = new HashMap<>(body);
        sent.put("version", version);
        return mvc.perform(
                put(path).with(user).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(sent)));
    }

    private ResultActions postForm(
            org.springframework.mock.web.MockHttpSession session, String path, Map<String, String> form, int version)
            throws Exception {
        var request = post(path).with(csrf()).session(session).param("version", String.valueOf(version));
        form.forEach(request::param);
        return mvc.perform(request);
    }

    private String read(RequestPostProcessor user, String path) throws Exception {
        return mvc.perform(get(path).with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int version(String path, String record) throws Exception {
        return JsonPath.read(read(ADMIN, path), record + ".version");
    }

    private String jadeClass() {
        return jdbc.sql("""
                        SELECT k.name FROM school_class k JOIN school s ON s.id = k.school_id JOIN major m ON m.id = k.major_id
                        WHERE s.code = :s AND m.code = '750107' ORDER BY k.name FETCH FIRST 1 ROWS ONLY
                        """).param("s", TestUsers.ZHENPING).query(String.class).single();
    }
}
