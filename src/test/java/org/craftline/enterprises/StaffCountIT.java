package org.craftline.enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.shared.CreditCodes;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The unit's staff count on the registry, which the 10% interns rule of 岗位实习 is judged on. */
@PostgresTest
class StaffCountIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSchoolUserRecordsTheStaffCountWithTheVersionItReadAndItIsAudited() throws Exception {
        propose(code("92411324MA7TCN001"), "0")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("staffCount"));
        long id = id(propose(code("92411324MA7TCN001"), "120")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.staffCount").value(120))
                .andExpect(jsonPath("$.version").value(0)));
        record(TestUsers.STAFF, id, 150, 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.staffCount").value(150))
                .andExpect(jsonPath("$.version").value(1));
        record(TestUsers.SCHOOL_ADMIN, id, 90, 0).andExpect(status().isConflict());
        record(TestUsers.ENTERPRISE, id, 90, 1).andExpect(status().isForbidden());
        record(TestUsers.BUREAU, id, 90, 1).andExpect(status().isForbidden());
        record(TestUsers.STAFF, id, 0, 1).andExpect(status().isBadRequest());
        record(TestUsers.ADMIN, id, 1_000_001, 1).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/enterprises/{id}", id).with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.staffCount").value(150));
        String after = jdbc.sql("SELECT after_json FROM audit_event WHERE entity_type = 'enterprise'"
                        + " AND entity_key = :k AND action = 'UPDATE'")
                .param("k", String.valueOf(id))
                .query(String.class)
                .single();
        assertThat(after).contains("\"staffCount\":150");
    }

    @Test
    void theEnterprisePageShowsAndRecordsTheStaffCount() throws Exception {
        long id = id(propose(code("92411324MA7TCN002"), "")
                .andExpect(jsonPath("$.staffCount").isEmpty()));
        var session = Sessions.login(mvc, TestUsers.STAFF);
        mvc.perform(get("/enterprises/{id}", id).session(session))
                .andExpect(content().string(Matchers.containsString("action=\"/enterprises/" + id + "/staff-count\"")));
        mvc.perform(post("/enterprises/{id}/staff-count", id)
                        .session(session)
                        .with(csrf())
                        .param("staffCount", "48")
                        .param("version", "0"))
                .andExpect(flash().attribute("flashMessage", "saved"));
        mvc.perform(post("/enterprises/{id}/staff-count", id)
                        .session(session)
                        .with(csrf())
                        .param("staffCount", "50")
                        .param("version", "0"))
                .andExpect(flash().attribute("flashError", "enterprise.staffCount.stale"));
        mvc.perform(post("/enterprises/{id}/staff-count", id)
                        .session(session)
                        .with(csrf())
                        .param("staffCount", "-3")
                        .param("version", "1"))
                .andExpect(flash().attribute("flashError", "enterprise.staffCount.invalid"));
        mvc.perform(get("/enterprises/{id}", id).session(session))
                .andExpect(
                        content().string(Matchers.containsString("<dd class=\"col-sm-9\" id=\"staff-count\">48</dd>")));
    }

    @Test
    void theRegistryImportTakesTheStaffCountAndAnEmptyCellKeepsIt() throws Exception {
        String a = code("92411324MA7TCN003");
        String header = "统一社会信用代码,企业名称,行业,所在区县代码,乡镇,规模,联系人,在岗职工人数";
        String row = a + ",职工数导入玉雕坊,玉雕,411324,石佛寺镇,微型,,";
        upload(List.of(header, row + "35", a + "x,坏行,玉雕,411324,,微型,,-1"), true)
                .andExpect(jsonPath("$.errors[?(@.column == '在岗职工人数')].row").value(Matchers.hasItem(3)));
        upload(List.of(header, row + "35"), false)
                .andExpect(jsonPath("$.created").value(1));
        upload(List.of(header, row), false).andExpect(jsonPath("$.unchanged").value(1));
        assertThat(staff(a)).isEqualTo(35);
        upload(List.of(header, row + "40"), false)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(staff(a)).isEqualTo(40);
        byte[] export = mvc.perform(get("/api/v1/exports/enterprises")
                        .param("format", "xlsx")
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long registered = jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code IS NOT NULL")
                .query(Long.class)
                .single();
        mvc.perform(multipart("/api/v1/imports/enterprises")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "e.xlsx", null, export))
                        .param("dryRun", "true")
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.unchanged").value(registered));
    }

    private Integer staff(String code) {
        return jdbc.sql("SELECT staff_count FROM enterprise WHERE credit_code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
    }

    private ResultActions upload(List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/enterprises")
                .file(ImportFiles.csv("e.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)));
    }

    private ResultActions record(String user, long id, int staff, int version) throws Exception {
        return mvc.perform(put("/api/v1/enterprises/{id}/staff-count", id)
                .with(httpBasic(user, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"staffCount\":" + staff + ",\"version\":" + version + "}"));
    }

    private ResultActions propose(String code, String staff) throws Exception {
        return mvc.perform(post("/api/v1/enterprises")
                .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"creditCode\":\"" + code + "\",\"name\":\"职工数测试坊\",\"industry\":\"JADE_CARVING\","
                        + "\"regionCode\":\"411324\",\"sizeBand\":\"MICRO\""
                        + (staff.isEmpty() ? "" : ",\"staffCount\":" + staff) + "}"));
    }

    private static long id(ResultActions created) throws Exception {
        Number id = JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
        return id.longValue();
    }

    static String code(String body) {
        return body + CreditCodes.checkCharacter(body);
    }
}
