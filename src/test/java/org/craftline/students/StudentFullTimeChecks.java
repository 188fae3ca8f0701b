package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.craftline.support.ImportFiles;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 全日制 on the record: full-time unless said otherwise; the form's box (unticked is no), the API's
 * {@code fullTime} (a body without it keeps the stored value), the students import's optional column
 * (a file without it, or an empty cell, keeps the stored value) and the export.
 *
 * <p>Run on PostgreSQL ({@link StudentFullTimeIT}) and on the embedded H2 ({@link StudentFullTimeH2Test}).
 */
abstract class StudentFullTimeChecks {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    final String prefix = "FT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @AfterEach
    void remove() {
        List<Long> ids = jdbc.sql("SELECT id FROM student WHERE student_number LIKE :p")
                .param("p", prefix + "%")
                .query(Long.class)
                .list();
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM student_status_change WHERE student_id IN (:ids)")
                    .param("ids", ids)
                    .update();
            jdbc.sql("DELETE FROM student WHERE id IN (:ids)").param("ids", ids).update();
        }
    }

    @Test
    void theFormAndTheApiSetItAndABodyWithoutItKeepsIt() throws Exception {
        String body = mvc.perform(post("/api/v1/students")
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(null, null)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fullTime").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(put("/api/v1/students/{id}", id)
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(false, 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fullTime").value(false));
        mvc.perform(put("/api/v1/students/{id}", id)
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(null, 1)))
                .andExpect(jsonPath("$.fullTime").value(false));
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String form = mvc.perform(get("/students/{id}/edit", id).session(admin))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).contains("type=\"checkbox\"", "id=\"fullTime1\"", "for=\"fullTime1\"", "全日制");
        page(id, admin, "true", 2);
        assertThat(fullTime(prefix + "1")).isTrue();
        page(id, admin, null, 3); // the box left unticked: the browser sends its marker only
        assertThat(fullTime(prefix + "1")).isFalse();
    }

    @Test
    void theImportSetsItAndAFileWithoutTheColumnKeepsIt() throws Exception {
        List<String> plain = ImportFiles.students(prefix, 2);
        List<String> marked = new ArrayList<>(List.of(plain.get(0) + ",全日制", plain.get(1) + ",否", plain.get(2) + ","));
        upload(plain).andExpect(jsonPath("$.created").value(2));
        assertThat(fullTime(prefix + "1")).isTrue();
        upload(marked)
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(1));
        assertThat(fullTime(prefix + "1")).isFalse();
        assertThat(fullTime(prefix + "2")).isTrue();
        assertThat(jdbc.sql("SELECT after_json FROM audit_event WHERE entity_type = 'student' AND action = 'UPDATE'"
                                + " AND before_json LIKE :n ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                        .param("n", "%" + prefix + "1%")
                        .query(String.class)
                        .single())
                .contains("\"fullTime\":false");
        upload(plain).andExpect(jsonPath("$.unchanged").value(2));
        assertThat(fullTime(prefix + "1")).isFalse();
        marked.set(1, plain.get(1) + ",全日");
        upload(marked)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("全日制"));
        String export = mvc.perform(get("/api/v1/exports/students")
                        .param("format", "csv")
                        .header("Accept-Language", "zh-CN")
                        .with(as(TestUsers.SCHOOL_ADMIN)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(export.lines().findFirst().orElseThrow()).endsWith(",全日制,入学日期");
        assertThat(export.lines().filter(l -> l.contains("," + prefix + "1,")))
                .singleElement()
                // imported without 入学日期: enrolled on 1 September of the entry year, which the file gives back
                .satisfies(l -> assertThat(l).endsWith(",否,2026-09-01"));
    }

    private String json(Boolean fullTime, Integer version) {
        return "{\"studentNumber\":\"" + prefix + "1\",\"name\":\"王五\",\"idNumber\":\"" + ImportFiles.id(prefix, 1)
                + "\",\"household\":\"RURAL\",\"majorCode\":\"750107\",\"entryYear\":\"2026\""
                + (fullTime == null ? "" : ",\"fullTime\":" + fullTime)
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    /** The edit form as a browser posts it: with the box's marker, and its value when ticked. */
    private void page(long id, org.springframework.mock.web.MockHttpSession session, String box, int version)
            throws Exception {
        var request = post("/students/" + id)
                .session(session)
                .with(csrf())
                .param("studentNumber", prefix + "1")
                .param("name", "王五")
                .param("idNumber", ImportFiles.id(prefix, 1))
                .param("household", "RURAL")
                .param("majorCode", "750107")
                .param("entryYear", "2026")
                .param("_fullTime", "on")
                .param("version", String.valueOf(version));
        if (box != null) {
            request.param("fullTime", box);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection());
    }

    private boolean fullTime(String number) {
        return jdbc.sql("SELECT full_time FROM student WHERE student_number = :n")
                .param("n", number)
                .query(Boolean.class)
                .single();
    }

    private ResultActions upload(List<String> lines) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/students")
                .file(ImportFiles.csv("students.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", "false")
                .header("Accept-Language", "zh-CN")
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
