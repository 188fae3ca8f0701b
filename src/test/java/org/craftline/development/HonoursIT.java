package org.craftline.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.development.DevelopmentFixtures.BUREAU;
import static org.craftline.development.DevelopmentFixtures.ZP_ADMIN;
import static org.craftline.development.DevelopmentFixtures.ZP_TEACHER;
import static org.craftline.development.DevelopmentFixtures.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Honours of a school and of its people: recorded by its administrators with a certificate checked
 * by content, read by its staff and the bureau, invisible to other schools, deleted with their file.
 */
@PostgresTest
class HonoursIT {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void honoursOfTheSchoolAndOfItsPeopleAreRecordedAndListedByLevelAndYear() throws Exception {
        String title = unique("河南省文明校园");
        long school = created(body(title, "PROVINCIAL", 2010, 2012, "", ""));
        mvc.perform(get("/api/v1/honours/{id}", school).with(ZP_TEACHER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holderKind").value("SCHOOL"))
                .andExpect(jsonPath("$.schoolCode").value(TestUsers.ZHENPING))
                .andExpect(jsonPath("$.toYear").value(2012));
        long staff = created(body(unique("南阳市优秀教师"), "MUNICIPAL", 2020, null, "", "T0005"));
        mvc.perform(get("/api/v1/honours/{id}", staff).with(ZP_ADMIN))
                .andExpect(jsonPath("$.holderKind").value("STAFF"))
                .andExpect(jsonPath("$.holderNumber").value("T0005"));
        String graduate = jdbc.sql(
                        "SELECT s.student_number FROM student s JOIN school sc ON sc.id = s.school_id"
                                + " WHERE sc.code = :c AND s.status = 'GRADUATED' ORDER BY s.student_number FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(String.class)
                .single();
        long person = created(body(unique("河南省技术能手"), "PROVINCIAL", 2021, null, graduate, ""));
        mvc.perform(get("/api/v1/honours/{id}", person).with(ZP_ADMIN))
                .andExpect(jsonPath("$.holderKind").value("STUDENT"))
                .andExpect(jsonPath("$.holderNumber").value(graduate));

        mvc.perform(get("/api/v1/honours")
                        .param("level", "PROVINCIAL")
                        .param("year", "2011")
                        .param("size", "200")
                        .with(ZP_TEACHER))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) school)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) person))));
        mvc.perform(get("/api/v1/honours")
                        .param("level", "MUNICIPAL")
                        .param("q", "南阳市优秀教师")
                        .with(BUREAU))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) staff)));

        create(ZP_ADMIN, body("x", "PROVINCIAL", 2012, 2010, "", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("toYear"));
        create(ZP_ADMIN, body("x", "PROVINCIAL", 2012, null, "NOBODY", ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("studentNumber"));
        create(ZP_ADMIN, body("x", "PROVINCIAL", 2012, null, graduate, "T0001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("staffNumber"));
        create(ZP_ADMIN, body("", "PROVINCIAL", 2012, null, "", "")).andExpect(status().isBadRequest());
        create(ZP_TEACHER, body("x", "COUNTY", 2012, null, "", "")).andExpect(status().isForbidden());
        create(BUREAU, body("x", "COUNTY", 2012, null, "", "")).andExpect(status().isForbidden());
    }

    @Test
    void aCertificateIsCheckedByContentAndStoredWithThePlatformsFiles() throws Exception {
        long id = created(body(unique("证书测试荣誉"), "NATIONAL", 2007, null, "", ""));
        attach(id, ZP_ADMIN, "../证书.pdf", PDF)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificateName").value("证书.pdf"))
                .andExpect(jsonPath("$.certificateType").value("application/pdf"));
        String path = path(id);
        assertThat(path).matches("honours/[0-9a-f-]{36}");
        assertThat(Files.readAllBytes(Path.of("target/test-data").resolve(path)))
                .isEqualTo(PDF);
        mvc.perform(get("/api/v1/honours/{id}/certificate", id).with(ZP_TEACHER))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andExpect(content().bytes(PDF));
        attach(id, ZP_ADMIN, "scan.pdf", JPEG)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.certificateType").value("image/jpeg"));
        assertThat(Path.of("target/test-data").resolve(path)).doesNotExist();
        attach(id, ZP_ADMIN, "fake.pdf", "GIF89a...".getBytes(StandardCharsets.US_ASCII))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("certificate"));
        attach(id, ZP_ADMIN, "large.pdf", Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("certificate"));
        attach(id, ZP_TEACHER, "x.pdf", PDF).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/honours/{id}", id).with(ZP_ADMIN))
                .andExpect(jsonPath("$.certificateType").value("image/jpeg"));
    }

    @Test
    void anotherSchoolCannotFindAnHonourAndDeletionIsAuditedWithItsFile() throws Exception {
        long id = created(body(unique("租户荣誉"), "COUNTY", 2019, null, "", ""));
        attach(id, ZP_ADMIN, "c.pdf", PDF).andExpect(status().isOk());
        Path file = Path.of("target/test-data").resolve(path(id));
        RequestPostProcessor neixiang = DevelopmentFixtures.neixiangAdmin(mvc, jdbc);
        mvc.perform(get("/api/v1/honours/{id}", id).with(neixiang)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/honours/{id}/certificate", id).with(neixiang)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/honours/{id}", id).with(neixiang)).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/honours/{id}", id).with(ZP_TEACHER)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/honours/{id}", id).with(ZP_ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/honours/{id}", id).with(ZP_ADMIN)).andExpect(status().isNotFound());
        assertThat(file).doesNotExist();
        assertThat(jdbc.sql(
                                "SELECT action FROM audit_event WHERE entity_type = 'honour' AND entity_key = :k ORDER BY id")
                        .param("k", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly("CREATE", "UPDATE", "DELETE");
    }

    @Test
    void pagesListCreateUploadAndDeleteWithConfirmation() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/development/honours").param("level", "NATIONAL").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("国家级重点中等职业学校")));
        mvc.perform(get("/development/honours/new").session(session)).andExpect(status().isOk());
        mvc.perform(post("/development/honours")
                        .session(session)
                        .with(csrf())
                        .param("title", "")
                        .param("awardingBody", "南阳市教育局")
                        .param("level", "MUNICIPAL")
                        .param("fromYear", "2020"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "title"));
        String location = mvc.perform(post("/development/honours")
                        .session(session)
                        .with(csrf())
                        .param("title", unique("页面荣誉"))
                        .param("awardingBody", "南阳市教育局")
                        .param("level", "MUNICIPAL")
                        .param("fromYear", "2020")
                        .param("toYear", "")
                        .param("studentNumber", "")
                        .param("staffNumber", ""))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/development/honours/\\d+");
        mvc.perform(multipart(location + "/certificate")
                        .file(new MockMultipartFile(
                                "file", "c.gif", "image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII)))
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("flashError", "honour.certificate.type"));
        mvc.perform(multipart(location + "/certificate")
                        .file(new MockMultipartFile("file", "c.jpg", "image/jpeg", JPEG))
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("flashMessage", "saved"));
        mvc.perform(get(location).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-confirm")));
        mvc.perform(get(location).session(Sessions.login(mvc, TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("data-confirm"))));
        mvc.perform(get(location + "/certificate").session(session))
                .andExpect(content().contentType("image/jpeg"));
        mvc.perform(post(location + "/delete")
                        .session(Sessions.login(mvc, TestUsers.STAFF))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/delete").session(session).with(csrf()))
                .andExpect(redirectedUrl("/development/honours"));
    }

    @Test
    void anAdministratorCorrectsAnHonourByPageAndApiAndATeacherCannot() throws Exception {
        long id = created(body("市级优秀教师（误）", "MUNICIPAL", 2015, null, "", "T0002"));
        mvc.perform(put("/api/v1/honours/{id}", id)
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(versioned(body("省级优秀教师", "PROVINCIAL", 2015, 2016, "", "T0002"), id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("省级优秀教师"))
                .andExpect(jsonPath("$.level").value("PROVINCIAL"))
                .andExpect(jsonPath("$.toYear").value(2016))
                .andExpect(jsonPath("$.holderNumber").value("T0002"));
        mvc.perform(put("/api/v1/honours/{id}", id)
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(versioned(body("省级优秀教师", "PROVINCIAL", 2016, 2015, "", "T0002"), id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("toYear"));
        mvc.perform(put("/api/v1/honours/{id}", id)
                        .with(ZP_TEACHER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(versioned(body("改不了", "PROVINCIAL", 2015, null, "", ""), id)))
                .andExpect(status().isForbidden());
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/development/honours/{id}/edit", id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("省级优秀教师")));
        mvc.perform(post("/development/honours/{id}", id)
                        .session(session)
                        .with(csrf())
                        .param("title", "省级优秀教师（已核对）")
                        .param("awardingBody", "河南省教育厅")
                        .param("level", "PROVINCIAL")
                        .param("fromYear", "2015")
                        .param("staffNumber", "T0002")
                        .param("version", String.valueOf(versionOf(id))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/honours/{id}", id).with(ZP_ADMIN))
                .andExpect(jsonPath("$.title").value("省级优秀教师(已核对)"))
                .andExpect(jsonPath("$.toYear").value(org.hamcrest.Matchers.nullValue()));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'honour' AND entity_key = :k AND action = 'UPDATE'")
                        .param("k", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static String body(String title, String level, int from, Integer to, String student, String staff) {
        return "{\"title\":\"" + title + "\",\"awardingBody\":\"河南省教育厅\",\"level\":\"" + level + "\",\"fromYear\":"
                + from + ",\"toYear\":" + to + ",\"studentNumber\":\"" + student + "\",\"staffNumber\":\"" + staff
                + "\"}";
    }

    /** A save's body with the version the honour reads at (optimistic locking). */
    private String versioned(String body, long id) throws Exception {
        return body.substring(0, body.length() - 1) + ",\"version\":" + versionOf(id) + "}";
    }

    private int versionOf(long id) throws Exception {
        String json = mvc.perform(get("/api/v1/honours/{id}", id).with(ZP_ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.version");
    }

    private ResultActions create(RequestPostProcessor user, String body) throws Exception {
        return mvc.perform(post("/api/v1/honours")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private long created(String body) throws Exception {
        String json = create(ZP_ADMIN, body)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private ResultActions attach(long id, RequestPostProcessor user, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/honours/{id}/certificate", id)
                .file(new MockMultipartFile("file", name, "application/pdf", bytes))
                .with(user));
    }

    private String path(long id) {
        return jdbc.sql("SELECT certificate_path FROM honour WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
