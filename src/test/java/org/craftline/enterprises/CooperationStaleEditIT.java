package org.craftline.enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.StaleSaves;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Two people replacing one agreement's signed document: the replacement made from an older version is refused. */
@PostgresTest
class CooperationStaleEditIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final byte[] PDF = CooperationsIT.PDF;
    static final byte[] PNG = CooperationsIT.PNG;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDocumentReplacedFromAnOlderVersionAnswers409AndKeepsTheOtherReplacement() throws Exception {
        long id = agreement();
        int version = version(id);
        upload(id, "甲的协议.pdf", PDF, version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1));
        upload(id, "乙的协议.png", PNG, version)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(version + 1))
                .andExpect(jsonPath("$.changes[0].username").value(TestUsers.SCHOOL_ADMIN))
                .andExpect(jsonPath("$.changes[0].fields[0]").value("documentName"));
        upload(id, "乙的协议.png", PNG, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(get("/api/v1/cooperations/{id}", id).with(ADMIN))
                .andExpect(jsonPath("$.documentName").value("甲的协议.pdf"));
        upload(id, "乙的协议.png", PNG, version + 1)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.documentName").value("乙的协议.png"))
                .andExpect(jsonPath("$.version").value(version + 2));
    }

    @Test
    void aStaleUploadFormIsShownAgainWithTheMessageAndTheStoredVersion() throws Exception {
        long id = agreement();
        int version = version(id);
        upload(id, "别人的协议.pdf", PDF, version).andExpect(status().isOk());
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = StaleSaves.shownAgain(pageUpload(id, version, session), StaleSaves.STALE);
        assertThat(page).contains("别人的协议.pdf").contains("name=\"version\" value=\"" + (version + 1) + "\"");
        pageUpload(id, version + 1, session).andExpect(redirectedUrl("/cooperations/" + id));
        assertThat(version(id)).isEqualTo(version + 2);
    }

    private long agreement() throws Exception {
        long enterprise = jdbc.sql("SELECT id FROM enterprise ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(Long.class)
                .single();
        String created = mvc.perform(post("/api/v1/cooperations")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":" + enterprise
                                + ",\"type\":\"INTERNSHIP_BASE\",\"startsOn\":\"2026-03-01\",\"note\":\"锁定测试\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private ResultActions upload(long id, String name, byte[] bytes, Integer version) throws Exception {
        var request = multipart("/api/v1/cooperations/{id}/document", id)
                .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                .with(ADMIN);
        return mvc.perform(version == null ? request : request.param("version", String.valueOf(version)));
    }

    private ResultActions pageUpload(long id, int version, org.springframework.mock.web.MockHttpSession session)
            throws Exception {
        return mvc.perform(multipart("/cooperations/{id}/document", id)
                .file(new MockMultipartFile("file", "我的协议.pdf", "application/pdf", PDF))
                .param("version", String.valueOf(version))
                .session(session)
                .with(csrf()));
    }

    private int version(long id) {
        return jdbc.sql("SELECT version FROM cooperation WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }
}
