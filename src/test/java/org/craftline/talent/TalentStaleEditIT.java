package org.craftline.talent;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/** Two people editing one certificate: the later save from an older version is refused, not lost. */
@PostgresTest
class TalentStaleEditIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final String HOLDER = "G201800005";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void aCertificateSavedFromAnOlderVersionAnswers409WithWhoChangedWhat() throws Exception {
        Map<String, Object> body = certificate("LOCK-API-1");
        long id = create(body);
        int version = version(id);
        body.put("name", "甲改的证书名");
        save(id, body, version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1));
        body.put("name", "乙改的证书名");
        save(id, body, version)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(version + 1))
                .andExpect(jsonPath("$.changes[0].username").value(TestUsers.SCHOOL_ADMIN))
                .andExpect(jsonPath("$.changes[0].fields[0]").value("name"));
        assertThat(JsonPath.<String>read(read(id), "$.name")).isEqualTo("甲改的证书名");
        save(id, body, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void aStaleCertificateFormKeepsWhatWasTypedAndASecondSaveIsADeliberateOverwrite() throws Exception {
        Map<String, Object> body = certificate("LOCK-PAGE-1");
        long id = create(body);
        int version = version(id);
        body.put("name", "别人改的证书名");
        save(id, body, version).andExpect(status().isOk());
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = postForm(id, "我改的证书名", version, session)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("修改了这条记录")
                .contains("value=\"我改的证书名\"")
                .contains("name=\"version\" value=\"" + (version + 1) + "\"");
        postForm(id, "我改的证书名", version + 1, session).andExpect(redirectedUrl("/talent/certificates?holder=" + HOLDER));
        assertThat(JsonPath.<String>read(read(id), "$.name")).isEqualTo("我改的证书名");
    }

    private static Map<String, Object> certificate(String number) {
        Map<String, Object> body = new HashMap<>();
        body.put("studentNumber", HOLDER);
        body.put("kind", "SKILL");
        body.put("grade", "LEVEL_3");
        body.put("name", "玉雕工");
        body.put("issuingBody", "锁定测试评价组织");
        body.put("certNumber", number);
        body.put("issuedYear", 2018);
        body.put("status", "VALID");
        return body;
    }

    private long create(Map<String, Object> body) throws Exception {
        String created = mvc.perform(post("/api/v1/certificates")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(created, "$.id")).longValue();
    }

    private ResultActions save(long id, Map<String, Object> body, Integer version) throws Exception {
        Map<String, Object> sent = new HashMap<>(body);
        sent.put("version", version);
        return mvc.perform(put("/api/v1/certificates/" + id)
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(sent)));
    }

    private ResultActions postForm(long id, String name, int version, org.springframework.mock.web.MockHttpSession s)
            throws Exception {
        var request = post("/talent/certificates/" + id).with(csrf()).session(s);
        Map<String, Object> form = certificate("LOCK-PAGE-1");
        form.put("name", name);
        form.forEach((k, v) -> request.param(k, String.valueOf(v)));
        return mvc.perform(request.param("version", String.valueOf(version)));
    }

    private String read(long id) throws Exception {
        return mvc.perform(get("/api/v1/certificates/" + id).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int version(long id) throws Exception {
        return JsonPath.read(read(id), "$.version");
    }
}
