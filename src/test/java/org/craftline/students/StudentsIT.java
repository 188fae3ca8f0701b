package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Student records: validation, status history, masking per role, audited reveal, tenancy. */
@PostgresTest
@ExtendWith(OutputCaptureExtension.class)
class StudentsIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor STAFF = httpBasic(TestUsers.STAFF, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createValidatesTheIdAndDerivesGenderAndBirthDate(CapturedOutput output) throws Exception {
        String id = ImportFiles.id("API", 901);
        String wrongCheck = id.substring(0, 17) + (id.endsWith("0") ? "1" : "0");
        create(
                        ADMIN,
                        "{\"studentNumber\":\"API-1\",\"name\":\"李四\",\"idNumber\":\"" + wrongCheck + "\","
                                + "\"household\":\"RURAL\",\"majorCode\":\"750107\",\"entryYear\":\"2026\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"));
        create(
                        ADMIN,
                        "{\"studentNumber\":\"API-1\",\"name\":\"李四\",\"idNumber\":\"" + id + "\",\"gender\":\"女\","
                                + "\"household\":\"RURAL\",\"majorCode\":\"750107\",\"entryYear\":\"2026\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("gender"));
        String created = create(
                        ADMIN,
                        "{\"studentNumber\":\"API-1\",\"name\":\"李四\",\"idNumber\":\"" + id + "\","
                                + "\"household\":\"RURAL\",\"phone\":\"13912345678\",\"majorCode\":\"750107\","
                                + "\"className\":\"2026级玉雕艺术1班\",\"entryYear\":\"2026\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gender").value("MALE"))
                .andExpect(jsonPath("$.idNumber").value(id.substring(0, 4) + "**********" + id.substring(14)))
                .andExpect(jsonPath("$.phone").value("139****5678"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long studentId = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/students/{id}/status", studentId)
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"change\":\"SUSPEND\",\"changedOn\":\"2026-11-20\",\"reason\":\"病休\","
                                + "\"document\":\"医院证明 2026-118\",\"version\":0}"))
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(get("/api/v1/students/{id}/status-history", studentId).with(STAFF))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].reason").value("病休"));
        assertThat(output.getAll())
                .as("ID numbers and phones never reach the log")
                .doesNotContain(id, "13912345678");
    }

    @Test
    void staffAndAdministratorsSeeMaskedValuesAndOnlyAnAdministratorRevealsAudited() throws Exception {
        long id = zhenpingStudent();
        String full = jdbc.sql("SELECT id_number FROM student WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        for (RequestPostProcessor who : new RequestPostProcessor[] {STAFF, ADMIN}) {
            String body = mvc.perform(get("/api/v1/students/{id}", id).with(who))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).doesNotContain(full).contains("**********");
            String list = mvc.perform(
                            get("/api/v1/students").param("size", "200").with(who))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(list).doesNotContain(full);
        }
        var session = Sessions.login(mvc, TestUsers.STAFF);
        assertThat(mvc.perform(get("/students/{id}", id).session(session))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(full);
        mvc.perform(post("/api/v1/students/{id}/reveal", id).with(STAFF)).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/students/{id}/reveal", id).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(full));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE action = 'REVEAL' AND entity_key = :k AND username = :u")
                        .param("k", String.valueOf(id))
                        .param("u", TestUsers.SCHOOL_ADMIN)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String page = mvc.perform(post("/students/{id}/reveal", id)
                        .session(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(full);
    }

    @Test
    void exportsAreMaskedForStaffAndAuditedWhenUnmasked() throws Exception {
        long id = zhenpingStudent();
        String full = jdbc.sql("SELECT id_number FROM student WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        String staffExport = mvc.perform(
                        get("/api/v1/exports/students").param("format", "csv").with(STAFF))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(staffExport).doesNotContain(full).contains("**********");
        String adminExport = mvc.perform(
                        get("/api/v1/exports/students").param("format", "csv").with(ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(adminExport).contains(full);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT' AND username = :u")
                        .param("u", TestUsers.SCHOOL_ADMIN)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void exportedCellsThatLookLikeFormulasAreNeutralised() throws Exception {
        create(
                        ADMIN,
                        "{\"studentNumber\":\"FORMULA-1\",\"name\":\"=HYPERLINK(1)\",\"idNumber\":\""
                                + ImportFiles.id("API", 902)
                                + "\",\"household\":\"URBAN\",\"majorCode\":\"750107\",\"entryYear\":\"2026\"}")
                .andExpect(status().isCreated());
        String export = mvc.perform(
                        get("/api/v1/exports/students").param("format", "csv").with(ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).contains(",'=HYPERLINK(1),").doesNotContain(",=HYPERLINK(1),");
    }

    @Test
    void aTeacherOfOneSchoolNeverSeesAnotherSchoolsStudents() throws Exception {
        long other = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.NEIXIANG)
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/students/{id}", other).with(STAFF)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students").param("school", TestUsers.NEIXIANG).with(STAFF))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/students/{id}", other).with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void studentPagesRender() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        long id = zhenpingStudent();
        for (String path :
                new String[] {"/students", "/students/new", "/students/" + id, "/students/" + id + "/edit", "/imports"
                }) {
            mvc.perform(get(path).session(session)).andExpect(status().isOk());
        }
        mvc.perform(get("/students")
                        .param("status", "SUSPENDED")
                        .param("year", "2025")
                        .session(session))
                .andExpect(status().isOk());
    }

    private long zhenpingStudent() {
        return jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c"
                        + " ORDER BY s.id FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
    }

    private org.springframework.test.web.servlet.ResultActions create(RequestPostProcessor who, String json)
            throws Exception {
        return mvc.perform(post("/api/v1/students")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
