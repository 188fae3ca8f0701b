package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/** Two people editing one student: the later save from an older version is refused, not lost. */
@PostgresTest
class StaleEditIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void aSaveFromAnOlderVersionAnswers409WithWhoChangedWhat() throws Exception {
        long id = aStudent("ORDER BY id");
        Map<String, Object> read = read(id);
        int version = (int) read.get("version");
        save(id, read, "新名字甲", version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1));
        save(id, read, "新名字乙", version)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(version + 1))
                .andExpect(jsonPath("$.changes[0].username").value(TestUsers.SCHOOL_ADMIN))
                .andExpect(jsonPath("$.changes[0].fields[0]").value("name"));
        assertThat(read(id).get("name")).isEqualTo("新名字甲");
        save(id, read, "新名字丙", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void aStaleFormKeepsWhatWasTypedAndASecondSaveIsADeliberateOverwrite() throws Exception {
        long id = aStudent("ORDER BY id DESC");
        Map<String, Object> read = read(id);
        int version = (int) read.get("version");
        save(id, read, "别人改的", version).andExpect(status().isOk());
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = post(id, read, "我改的", version, session)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("修改了这条记录")
                .contains("value=\"我改的\"")
                .contains("name=\"version\" value=\"" + (version + 1) + "\"");
        post(id, read, "我改的", version + 1, session).andExpect(redirectedUrl("/students/" + id));
        assertThat(read(id).get("name")).isEqualTo("我改的");
    }

    private long aStudent(String order) {
        return jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c"
                        + " AND s.status = 'ENROLLED' " + order + " LIMIT 1")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(long id) throws Exception {
        String body = mvc.perform(get("/api/v1/students/" + id).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readValue(body, Map.class);
    }

    private org.springframework.test.web.servlet.ResultActions save(
            long id, Map<String, Object> read, String name, Integer version) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(form(read));
        body.put("name", name);
        body.put("version", version);
        return mvc.perform(put("/api/v1/students/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))
                .with(ADMIN));
    }

    private org.springframework.test.web.servlet.ResultActions post(
            long id, Map<String, Object> read, String name, int version, org.springframework.mock.web.MockHttpSession s)
            throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/students/" + id)
                .with(csrf())
                .session(s);
        for (var e : form(read).entrySet()) {
            if (!e.getKey().equals("name")) {
                request.param(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        request.param("name", name).param("version", String.valueOf(version));
        return mvc.perform(request);
    }

    /** The form's fields as the record reads (masked ID and phone keep the stored values). */
    private static Map<String, Object> form(Map<String, Object> read) {
        Map<String, Object> form = new java.util.HashMap<>();
        for (String field : java.util.List.of(
                "schoolCode", "studentNumber", "name", "idNumber", "household", "phone", "majorCode", "className")) {
            form.put(field, read.get(field) == null ? "" : read.get(field));
        }
        form.put("entryYear", String.valueOf(read.get("entryYear")));
        return form;
    }
}
