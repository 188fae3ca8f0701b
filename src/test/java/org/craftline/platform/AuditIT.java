package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Every create, update and delete leaves who, when, which record, before and after. */
@PostgresTest
class AuditIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void updateRecordsWhoWhatBeforeAndAfter() throws Exception {
        long id = classOf(TestUsers.ZHENPING);
        String oldName = jdbc.sql("SELECT name FROM school_class WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        // keep the class's major and year: its students belong to that major
        var current = jdbc.sql(
                        "SELECT m.code, c.entry_year, c.version FROM school_class c JOIN major m ON m.id = c.major_id WHERE c.id = :id")
                .param("id", id)
                .query()
                .singleRow();
        mvc.perform(put("/api/v1/classes/{id}", id)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"majorCode\":\"" + current.get("code") + "\",\"entryYear\":"
                                + current.get("entry_year") + ",\"name\":\"审计测试班\",\"version\":"
                                + current.get("version")
                                + "}"))
                .andExpect(status().isOk());

        Map<String, Object> event = lastEvent("class", String.valueOf(id));
        assertThat(event.get("action")).isEqualTo("UPDATE");
        assertThat(event.get("username")).isEqualTo(TestUsers.SCHOOL_ADMIN);
        assertThat(event.get("at")).isNotNull();
        assertThat((String) event.get("before_json")).contains(oldName);
        assertThat((String) event.get("after_json")).contains("审计测试班").doesNotContain(oldName);

        // the page speaks the reader's language: the action and the changed field, not codes and JSON
        var session = org.craftline.support.Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        for (String[] lang : new String[][] {{"zh_CN", "修改", "名称："}, {"en", "Changed", "Name:"}}) {
            String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/audit")
                            .param("type", "class")
                            .param("key", String.valueOf(id))
                            .param("lang", lang[0])
                            .session(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page)
                    .contains(">" + lang[1] + "<")
                    .contains(lang[2])
                    .contains(oldName + " → 审计测试班")
                    .doesNotContain(">UPDATE<")
                    .doesNotContain("{&quot;");
        }
    }

    @Test
    void createAndDeleteThroughThePagesAreAudited() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(post("/organisation/staff")
                        .session(session)
                        .with(csrf())
                        .param("staffNumber", "AUD-1")
                        .param("name", "审计教师")
                        .param("title", "讲师")
                        .param("fullTime", "true")
                        .param("_fullTime", "on")
                        .param("_dualQualified", "on")) // what a browser sends for an unticked box
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM staff WHERE staff_number = 'AUD-1'")
                .query(Long.class)
                .single();
        assertThat(lastEvent("staff", String.valueOf(id)).get("action")).isEqualTo("CREATE");

        mvc.perform(post("/organisation/staff/{id}/delete", id).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Map<String, Object> deleted = lastEvent("staff", String.valueOf(id));
        assertThat(deleted.get("action")).isEqualTo("DELETE");
        assertThat((String) deleted.get("before_json")).contains("审计教师");
        assertThat(deleted.get("after_json")).isNull();
    }

    @Test
    void aSchoolAdministratorSeesOnlyItsOwnSchoolsEvents() throws Exception {
        long other = classOf(TestUsers.NEIXIANG);
        mvc.perform(put("/api/v1/classes/{id}", other)
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"majorCode\":\"730701\",\"entryYear\":2024,\"name\":\"内乡审计班\",\"version\":"
                                + versionOf(other) + "}"))
                .andExpect(status().isOk());

        String own = mvc.perform(
                        get("/audit").param("type", "class").session(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(own).doesNotContain("内乡审计班");

        String all = mvc.perform(get("/audit").param("type", "class").session(Sessions.login(mvc, TestUsers.ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(all).contains("内乡审计班");

        mvc.perform(get("/audit").session(Sessions.login(mvc, TestUsers.STAFF))).andExpect(status().isForbidden());
    }

    private long classOf(String schoolCode) {
        return jdbc.sql("""
                        SELECT c.id FROM school_class c JOIN school s ON s.id = c.school_id
                        WHERE s.code = :code ORDER BY c.id DESC FETCH FIRST 1 ROWS ONLY
                        """).param("code", schoolCode).query(Long.class).single();
    }

    private int versionOf(long classId) {
        return jdbc.sql("SELECT version FROM school_class WHERE id = :id")
                .param("id", classId)
                .query(Integer.class)
                .single();
    }

    private Map<String, Object> lastEvent(String type, String key) {
        return jdbc.sql("""
                        SELECT * FROM audit_event WHERE entity_type = :type AND entity_key = :key
                        ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
                        """).param("type", type).param("key", key).query().singleRow();
    }
}
