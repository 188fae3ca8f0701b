package org.craftline.enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
 * Cooperation agreements belong to a school: its administrators record them and their signed
 * documents (checked by content), its users read them, other schools cannot even find them.
 */
@PostgresTest
class CooperationsIT {

    static final RequestPostProcessor ZP_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor ZP_TEACHER = httpBasic(TestUsers.STAFF, TestUsers.PASSWORD);
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long enterpriseId;

    @BeforeEach
    void pickAnEnterprise() {
        enterpriseId = jdbc.sql("SELECT id FROM enterprise ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(Long.class)
                .single();
    }

    @Test
    void aSchoolAdministratorRecordsAnAgreementOfItsSchool() throws Exception {
        create(ZP_ADMIN, body("ORDER_CLASS", "2024-09-01", "2027-08-31"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/cooperations/")))
                .andExpect(jsonPath("$.schoolCode").value(TestUsers.ZHENPING))
                .andExpect(jsonPath("$.enterpriseId").value(enterpriseId))
                .andExpect(jsonPath("$.type").value("ORDER_CLASS"))
                .andExpect(jsonPath("$.endsOn").value("2027-08-31"));
        create(ZP_ADMIN, body("ORDER_CLASS", "2024-09-01", "2024-08-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        create(
                        ZP_ADMIN,
                        body("ORDER_CLASS", "2024-09-01", null)
                                .replace("\"enterpriseId\":" + enterpriseId, "\"enterpriseId\":999999999"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
        create(ZP_TEACHER, body("INTERNSHIP_BASE", "2024-09-01", null)).andExpect(status().isForbidden());
        create(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD), body("INTERNSHIP_BASE", "2024-09-01", null))
                .andExpect(status().isForbidden());
    }

    @Test
    void theListFiltersByEnterpriseTypeAndTheDayInForce() throws Exception {
        long open = created(body("TRAINING_BASE", "2020-03-01", null));
        long ended = created(body("TRAINING_BASE", "2018-01-01", "2019-12-31"));
        list("type=TRAINING_BASE&activeOn=2025-06-01")
                .andExpect(jsonPath("$.items[*].id", hasItem((int) open)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) ended))));
        list("enterprise=" + enterpriseId + "&activeOn=2019-06-01&size=200")
                .andExpect(jsonPath("$.items[*].id", hasItem((int) ended)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) open))));
        list("type=EMPLOYMENT_PARTNER").andExpect(jsonPath("$.items[*].id", not(hasItem((int) open))));
    }

    @Test
    void aDocumentIsCheckedByItsContentStoredUnderAGeneratedNameAndComesBackUnchanged() throws Exception {
        long id = created(body("INTERNSHIP_BASE", "2025-01-01", null));
        attach(id, ZP_ADMIN, "../合作协议.pdf", PDF)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentName").value("合作协议.pdf"))
                .andExpect(jsonPath("$.documentType").value("application/pdf"));
        String path = documentPath(id);
        assertThat(path).matches("documents/[0-9a-f-]{36}");
        assertThat(Files.readAllBytes(Path.of("target/test-data").resolve(path)))
                .isEqualTo(PDF);
        mvc.perform(get("/api/v1/cooperations/{id}/document", id).with(ZP_TEACHER))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string("Content-Disposition", startsWith("attachment")))
                .andExpect(content().bytes(PDF));

        attach(id, ZP_ADMIN, "x.pdf", PNG)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentType").value("image/png"));
        mvc.perform(get("/api/v1/cooperations/{id}/document", id).with(ZP_ADMIN))
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(PNG));
        assertThat(Path.of("target/test-data").resolve(path)).doesNotExist();

        attach(id, ZP_ADMIN, "contract.pdf", "这是一份合同".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("document"));
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        attach(id, ZP_ADMIN, "large.pdf", large)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("document"));
        attach(id, ZP_TEACHER, "x.pdf", PDF).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cooperations/{id}", id).with(ZP_ADMIN))
                .andExpect(jsonPath("$.documentType").value("image/png"));
    }

    @Test
    void anAgreementIsFoundOnlyWithinItsSchool() throws Exception {
        long id = created(body("EMPLOYMENT_PARTNER", "2023-07-01", null));
        attach(id, ZP_ADMIN, "协议.pdf", PDF).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cooperations/{id}", id).with(ZP_TEACHER)).andExpect(status().isOk());
        list("enterprise=" + enterpriseId + "&size=200").andExpect(jsonPath("$.items[*].id", hasItem((int) id)));

        var other = httpBasic(neixiangUser(), TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/cooperations/{id}", id).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cooperations/{id}/document", id).with(other)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cooperations").param("size", "200").with(other))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        mvc.perform(delete("/api/v1/cooperations/{id}", id).with(other)).andExpect(status().isNotFound());
    }

    @Test
    void pagesCreateAttachAndDeleteWithRedirects() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String location = mvc.perform(post("/cooperations")
                        .session(session)
                        .with(csrf())
                        .param("enterpriseId", String.valueOf(enterpriseId))
                        .param("type", "ORDER_CLASS")
                        .param("startsOn", "2025-09-01")
                        .param("endsOn", "")
                        .param("note", "2025 级玉雕订单班"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/cooperations/\\d+");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(multipart("/cooperations/{id}/document", id)
                        .file(new MockMultipartFile(
                                "file", "scan.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0
                                }))
                        .param("version", version(id))
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("flashMessage", "saved"));
        mvc.perform(multipart("/cooperations/{id}/document", id)
                        .file(new MockMultipartFile(
                                "file", "scan.jpg", "image/jpeg", "GIF89a".getBytes(StandardCharsets.US_ASCII)))
                        .param("version", version(id))
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("flashError", "cooperation.document.type"));
        mvc.perform(get("/cooperations/{id}/document", id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/jpeg"));
        mvc.perform(post("/cooperations/{id}/delete", id)
                        .session(Sessions.login(mvc, TestUsers.STAFF))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cooperations/{id}/delete", id).session(session).with(csrf()))
                .andExpect(redirectedUrl("/cooperations"));
        mvc.perform(get("/api/v1/cooperations/{id}", id).with(ZP_ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void deletionNeedsAnAdministratorIsAuditedAndRemovesTheDocument() throws Exception {
        long id = created(body("INTERNSHIP_BASE", "2022-03-01", "2025-02-28"));
        attach(id, ZP_ADMIN, "协议.pdf", PDF).andExpect(status().isOk());
        Path file = Path.of("target/test-data").resolve(documentPath(id));
        mvc.perform(delete("/api/v1/cooperations/{id}", id).with(ZP_TEACHER)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/cooperations/{id}", id).with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/cooperations/{id}", id).with(ZP_ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/cooperations/{id}", id).with(ZP_ADMIN)).andExpect(status().isNotFound());
        assertThat(file).doesNotExist();
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM audit_event
                        WHERE action = 'DELETE' AND entity_type = 'cooperation' AND entity_key = :key
                          AND username = :user AND before_json IS NOT NULL
                        """)
                        .param("key", String.valueOf(id))
                        .param("user", TestUsers.SCHOOL_ADMIN)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'cooperation' AND entity_key = :key"
                                + " ORDER BY id")
                        .param("key", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly("CREATE", "UPDATE", "DELETE");
    }

    private String body(String type, String startsOn, String endsOn) {
        return "{\"enterpriseId\":" + enterpriseId + ",\"type\":\"" + type + "\",\"startsOn\":\"" + startsOn + "\","
                + "\"endsOn\":" + (endsOn == null ? "null" : "\"" + endsOn + "\"") + ",\"note\":\"校企合作\"}";
    }

    private ResultActions create(RequestPostProcessor user, String body) throws Exception {
        return mvc.perform(post("/api/v1/cooperations")
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

    private ResultActions list(String query) throws Exception {
        return mvc.perform(get("/api/v1/cooperations?" + query).with(ZP_TEACHER))
                .andExpect(status().isOk());
    }

    private ResultActions attach(long id, RequestPostProcessor user, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/cooperations/{id}/document", id)
                .file(new MockMultipartFile("file", name, "application/pdf", bytes))
                .param("version", version(id))
                .with(user));
    }

    /** The agreement's stored version, as a reader would have seen it just now. */
    private String version(long id) {
        return String.valueOf(jdbc.sql("SELECT version FROM cooperation WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single());
    }

    private String documentPath(long id) {
        return jdbc.sql("SELECT document_path FROM cooperation WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** A staff user of the Neixiang school, created once through the administrator's page. */
    private String neixiangUser() throws Exception {
        String username = "coop-neixiang";
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            mvc.perform(post("/admin/users")
                            .session(Sessions.login(mvc, TestUsers.ADMIN))
                            .with(csrf())
                            .param("username", username)
                            .param("displayName", "内乡职校教师")
                            .param("role", "STAFF")
                            .param("schoolCode", TestUsers.NEIXIANG)
                            .param("enabled", "true")
                            .param("password", TestUsers.PASSWORD))
                    .andExpect(status().is3xxRedirection());
        }
        return username;
    }
}
