package org.craftline.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Bad input from a browser or a client gets a clear 4xx (or is ignored), never a 500. */
@PostgresTest
class RequestInputIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void aFormPutOverTheWireIsA4xx() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        String basic = java.util.Base64.getEncoder()
                .encodeToString((TestUsers.SCHOOL_ADMIN + ":" + TestUsers.PASSWORD).getBytes());
        for (String path : new String[] {"/api/v1/talent-settings", "/talent-settings"}) {
            var response = client.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", "Basic " + basic)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "schoolCode=" + TestUsers.ZHENPING + "&seniorSkillGrade=THREE"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            org.assertj.core.api.Assertions.assertThat(response.statusCode())
                    .as(path + " " + response.body())
                    .isBetween(400, 499);
        }
    }

    @Test
    void aMalformedLanguageCookieFallsBackToChinese() throws Exception {
        for (String value : new String[] {"%%%", "zz_!!", "_", "a b"}) {
            mvc.perform(get("/login").cookie(new Cookie("craftline-lang", value)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("登录")));
            mvc.perform(get("/organisation/classes")
                            .session(Sessions.login(mvc, TestUsers.STAFF))
                            .cookie(new Cookie("craftline-lang", value)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void aFormSentWhereJsonIsExpectedIsRefusedAsUnsupported() throws Exception {
        mvc.perform(put("/api/v1/talent-settings")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("schoolCode=" + TestUsers.ZHENPING + "&seniorSkillGrade=THREE"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        for (String path : new String[] {"/talent-settings", "/talent/settings"}) {
            mvc.perform(put(path)
                            .session(session)
                            .with(org.springframework.security.test.web.servlet.request
                                    .SecurityMockMvcRequestPostProcessors.csrf())
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .content("schoolCode=" + TestUsers.ZHENPING + "&seniorSkillGrade=THREE"))
                    .andExpect(status().is4xxClientError());
        }
    }

    @Test
    void anUnreadableBodySaysWhichFieldAndWhy() throws Exception {
        classes("{\"majorCode\":\"x\",\"entryYear\":\"twenty\",\"name\":\"A\"}")
                .andExpect(jsonPath("$.errors[*].field", hasItem("entryYear")))
                .andExpect(jsonPath("$.detail", not(containsString("Failed to read request"))));
        classes("{\"majorCode\":\"x\",\"entryYear\":2026,\"name\":\"A\",\"colour\":\"red\"}")
                .andExpect(jsonPath("$.errors[*].field", hasItem("colour")))
                .andExpect(jsonPath("$.errors[0].message", containsString("unknown")));
        classes("{\"majorCode\":\"x\",\"entryYear\":2026,").andExpect(jsonPath("$.detail", containsString("JSON")));
    }

    @Test
    void scalarsAreNotConvertedSilently() throws Exception {
        classes("{\"majorCode\":\"x\",\"entryYear\":\"2026\",\"name\":\"A\"}")
                .andExpect(jsonPath("$.errors[0].field").value("entryYear"))
                .andExpect(jsonPath("$.errors[0].message", containsString("number")));
        classes("{\"majorCode\":12,\"entryYear\":2026,\"name\":\"A\"}")
                .andExpect(jsonPath("$.errors[0].field").value("majorCode"));
    }

    private org.springframework.test.web.servlet.ResultActions classes(String json) throws Exception {
        return mvc.perform(post("/api/v1/classes")
                        .with(ADMIN)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
