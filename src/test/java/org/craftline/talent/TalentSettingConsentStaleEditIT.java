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
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.StaleSaves;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The talent setting and a master's publication consent, each saved by two people from one version:
 * the later save is refused with who changed what, through the API and through the page.
 */
@PostgresTest
class TalentSettingConsentStaleEditIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor ZP_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    // Neixiang's setting: TalentIT designates it too, no indicator test reads it
    static final String SCHOOL = TestUsers.NEIXIANG;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSettingSavedFromAnOlderVersionAnswers409() throws Exception {
        int version = settingVersion();
        saveSetting("LEVEL_2", version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1));
        saveSetting("LEVEL_1", version)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(version + 1))
                .andExpect(jsonPath("$.changes[0].username").value(TestUsers.ADMIN))
                .andExpect(jsonPath("$.changes[0].fields[0]").value("seniorSkillRank"));
        saveSetting("LEVEL_1", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(get("/api/v1/talent-settings").param("school", SCHOOL).with(ADMIN))
                .andExpect(jsonPath("$.seniorSkillGrade").value("LEVEL_2"));
        saveSetting("LEVEL_3", version + 1).andExpect(status().isOk());
    }

    @Test
    void aStaleSettingFormKeepsTheChoiceAndASecondSaveReplacesTheOtherChange() throws Exception {
        int version = settingVersion();
        saveSetting("LEVEL_2", version).andExpect(status().isOk());
        var session = Sessions.login(mvc, TestUsers.ADMIN);
        String page = StaleSaves.shownAgain(settingForm("LEVEL_1", version, session), StaleSaves.STALE);
        assertThat(page)
                .containsPattern("value=\"LEVEL_1\"\\s+selected")
                .contains("name=\"version\" value=\"" + (version + 1) + "\"");
        settingForm("LEVEL_3", version + 1, session).andExpect(redirectedUrl("/talent/settings?school=" + SCHOOL));
        mvc.perform(get("/api/v1/talent-settings").param("school", SCHOOL).with(ADMIN))
                .andExpect(jsonPath("$.seniorSkillGrade").value("LEVEL_3"))
                .andExpect(jsonPath("$.version").value(version + 2));
    }

    @Test
    void aConsentChangedOnAStaleViewAnswers409() throws Exception {
        String graduate = graduateWithoutConsent();
        int version = consentVersion(graduate);
        assertThat(version).isZero();
        consent(graduate, true, version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        consent(graduate, false, version)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.changes[0].username").value(TestUsers.SCHOOL_ADMIN))
                .andExpect(jsonPath("$.changes[0].fields[0]").value("consented"));
        consent(graduate, false, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        consent(graduate, false, 1)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consented").value(false));
        consent(graduate, true, 1).andExpect(status().isConflict());
        assertThat(consentVersion(graduate)).isEqualTo(2);
    }

    @Test
    void aStaleConsentFormIsShownAgainWithWhatWasTyped() throws Exception {
        // the first master of the school's list, whose row the page shows first; its consent ends as
        // it was, so the public page keeps its masters
        String read = mvc.perform(get("/api/v1/masters")
                        .param("school", TestUsers.ZHENPING)
                        .param("size", "1")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String master = JsonPath.read(read, "$.items[0].studentNumber");
        boolean consented = Boolean.TRUE.equals(JsonPath.read(read, "$.items[0].consented"));
        int version = JsonPath.read(read, "$.items[0].consentVersion");
        consent(master, consented, version).andExpect(status().isOk());
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = StaleSaves.shownAgain(consentForm(master, consented, version, session), StaleSaves.STALE);
        assertThat(page).contains("value=\"2026-05-05\"").contains("name=\"version\" value=\"" + (version + 1) + "\"");
        assertThat(consentVersion(master)).isEqualTo(version + 1);
        consentForm(master, consented, version + 1, session).andExpect(redirectedUrl("/talent/masters"));
        assertThat(consentVersion(master)).isEqualTo(version + 2);
    }

    private int settingVersion() throws Exception {
        String read = mvc.perform(
                        get("/api/v1/talent-settings").param("school", SCHOOL).with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(read, "$.version");
    }

    private ResultActions saveSetting(String grade, Integer version) throws Exception {
        return mvc.perform(put("/api/v1/talent-settings")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"schoolCode\":\"" + SCHOOL + "\",\"seniorSkillGrade\":\"" + grade + "\",\"version\":"
                        + version + "}"));
    }

    private ResultActions settingForm(String grade, int version, MockHttpSession session) throws Exception {
        return mvc.perform(post("/talent/settings")
                .with(csrf())
                .session(session)
                .param("schoolCode", SCHOOL)
                .param("seniorSkillGrade", grade)
                .param("version", String.valueOf(version)));
    }

    /** A Zhenping graduate whose consent was never recorded (its consent is at version 0). */
    private String graduateWithoutConsent() {
        return jdbc.sql("""
                        SELECT s.student_number FROM student s JOIN school sc ON sc.id = s.school_id
                        WHERE sc.code = :c AND s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM publication_consent pc WHERE pc.student_id = s.id)
                        ORDER BY s.student_number DESC FETCH FIRST 1 ROWS ONLY
                        """).param("c", TestUsers.ZHENPING).query(String.class).single();
    }

    private int consentVersion(String graduate) {
        return jdbc.sql("""
                        SELECT COALESCE(MAX(pc.version), 0) FROM publication_consent pc JOIN student s ON s.id = pc.student_id
                        JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c AND s.student_number = :n
                        """)
                .param("c", TestUsers.ZHENPING)
                .param("n", graduate)
                .query(Integer.class)
                .single();
    }

    private ResultActions consent(String graduate, boolean consented, Integer version) throws Exception {
        return mvc.perform(put("/api/v1/masters/{n}/consent", graduate)
                .with(ZP_ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"consented\":" + consented + ",\"givenOn\":\"2026-05-04\",\"version\":" + version + "}"));
    }

    private ResultActions consentForm(String graduate, boolean consented, int version, MockHttpSession session)
            throws Exception {
        return mvc.perform(post("/talent/masters/{n}/consent", graduate)
                .with(csrf())
                .session(session)
                .param("schoolCode", TestUsers.ZHENPING)
                .param("consented", String.valueOf(consented))
                .param("givenOn", "2026-05-05")
                .param("version", String.valueOf(version)));
    }
}
