package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.support.ImportFiles;
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

/** Records that would distort a figure do not go in: one person, one student record; history in time order. */
@PostgresTest
class StudentRecordsIT {

    static final RequestPostProcessor OFFICE = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor OPERATOR = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anIdNumberHeldByAStudentOfAnySchoolIsRefusedNamingTheOtherRecord() throws Exception {
        String id = ImportFiles.id("ONE", 1);
        create(OFFICE, "ONE-1", id, null).andExpect(status().isCreated());
        create(OPERATOR, "ONE-2", id, TestUsers.NEIXIANG)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(TestUsers.ZHENPING)))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("ONE-1")));
        // the form says the same at the field
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = mvc.perform(
                        post("/students")
                                .session(session)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("studentNumber", "ONE-3")
                                .param("name", "王五")
                                .param("idNumber", id)
                                .param("household", "RURAL")
                                .param("majorCode", "750107")
                                .param("entryYear", "2026"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("一人同时只能有一条学籍").contains("ONE-1");
        assertThat(count("SELECT COUNT(*) FROM student WHERE id_number = '" + id + "'"))
                .isEqualTo(1);
    }

    @Test
    void anImportRefusesIdsHeldElsewhereAndIdsRepeatedInTheFile() throws Exception {
        String neixiangId = jdbc.sql("SELECT s.id_number FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :c AND s.status = 'ENROLLED' ORDER BY s.id FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.NEIXIANG)
                .query(String.class)
                .single();
        List<String> lines = new ArrayList<>(ImportFiles.students("TWO", 4));
        lines.set(2, lines.get(2).replace(ImportFiles.id("TWO", 2), neixiangId));
        lines.set(4, lines.get(4).replace(ImportFiles.id("TWO", 4), ImportFiles.id("TWO", 3)));
        String body = mvc.perform(multipart("/api/v1/imports/students")
                        .file(ImportFiles.csv("two.csv", lines, StandardCharsets.UTF_8))
                        .param("dryRun", "true")
                        .header("Accept-Language", "zh-CN")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Integer> rows = JsonPath.read(body, "$.errors[*].row");
        assertThat(rows).containsExactlyInAnyOrder(3, 4, 5);
        List<String> messages = JsonPath.read(body, "$.errors[*].message");
        assertThat(messages)
                .anyMatch(m -> m.contains("另一所学校"))
                .as("the other school's details only to a user who may read them")
                .noneMatch(m -> m.contains(TestUsers.NEIXIANG));
        List<String> values = JsonPath.read(body, "$.errors[*].value");
        assertThat(values).allMatch(v -> v.contains("*")).noneMatch(v -> v.equals(neixiangId));
    }

    @Test
    void statusChangesKeepTheirOrderInTimeAndTheFormOffersToday() throws Exception {
        String created = create(OFFICE, "ORD-1", ImportFiles.id("ORD", 1), null)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long student = ((Number) JsonPath.read(created, "$.id")).longValue();
        changeStatus(student, "WITHDRAW", "2026-06-30")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("changedOn"));
        changeStatus(student, "SUSPEND", LocalDate.now().plusDays(1).toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("changedOn"));
        changeStatus(student, "SUSPEND", "2026-10-08").andExpect(status().isOk());
        changeStatus(student, "RESUME", "2026-10-01").andExpect(status().isBadRequest());
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = mvc.perform(get("/students/" + student).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"" + LocalDate.now() + "\"");
        String english = mvc.perform(
                        get("/students/" + student).param("lang", "en").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("value=\"" + LocalDate.now() + "\"");
    }

    @Test
    void anImportedStudentsHistorySpeaksThePagesLanguage() throws Exception {
        mvc.perform(multipart("/api/v1/imports/students")
                        .file(ImportFiles.csv("imp.csv", ImportFiles.students("IMP", 1), StandardCharsets.UTF_8))
                        .param("dryRun", "false")
                        .with(OFFICE))
                .andExpect(status().isOk());
        long student = jdbc.sql("SELECT id FROM student WHERE student_number = 'IMP1'")
                .query(Long.class)
                .single();
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String zh = mvc.perform(
                        get("/students/" + student).param("lang", "zh_CN").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("批量导入").doesNotContain(">import<");
        String en = mvc.perform(get("/students/" + student).param("lang", "en").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains(">Imported<");
    }

    private ResultActions create(RequestPostProcessor who, String number, String id, String school) throws Exception {
        // Neixiang teaches 710201, not jade carving
        String schoolField = school == null ? "" : "\"schoolCode\":\"" + school + "\",";
        String major = school == null ? "750107" : "710201";
        return mvc.perform(post("/api/v1/students")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{" + schoolField + "\"studentNumber\":\"" + number + "\",\"name\":\"李四\",\"idNumber\":\"" + id
                        + "\",\"household\":\"RURAL\",\"majorCode\":\"" + major + "\",\"entryYear\":\"2026\"}"));
    }

    private ResultActions changeStatus(long student, String change, String on) throws Exception {
        int version = jdbc.sql("SELECT version FROM student WHERE id = :id")
                .param("id", student)
                .query(Integer.class)
                .single();
        return mvc.perform(post("/api/v1/students/{id}/status", student)
                .with(OFFICE)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"change\":\"" + change + "\",\"changedOn\":\"" + on
                        + "\",\"reason\":\"r\",\"document\":\"镇职教〔2026〕1号\",\"version\":" + version + "}"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
