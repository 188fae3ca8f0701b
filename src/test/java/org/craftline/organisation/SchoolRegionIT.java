package org.craftline.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A school's region puts it under its bureau: its own administrator may not move it (nor change its
 * code), through the API or the page; the operator may move it.
 */
@PostgresTest
class SchoolRegionIT {

    static final RequestPostProcessor SCHOOL_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor OPERATOR = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
    static final String HOME = "411324";
    static final String ELSEWHERE = "411325";
    static final String REGION_SELECT = "(?s).*<select[^>]*name=\"regionCode\".*";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSchoolAdministratorCannotMoveItsSchoolThroughTheApi() throws Exception {
        putSchool(SCHOOL_ADMIN, TestUsers.ZHENPING, TestUsers.ZHENPING, ELSEWHERE)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        putSchool(SCHOOL_ADMIN, TestUsers.ZHENPING, "4141019881", HOME)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        assertThat(regionOf(TestUsers.ZHENPING)).isEqualTo(HOME);
        assertThat(codeCount("4141019881")).isZero();
        // the rest of its school's details it still changes
        putSchool(SCHOOL_ADMIN, TestUsers.ZHENPING, TestUsers.ZHENPING, HOME).andExpect(status().isOk());
    }

    @Test
    void theOperatorMovesASchool() throws Exception {
        mvc.perform(post("/api/v1/schools")
                        .with(OPERATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"4141013298\",\"name\":\"迁移测试学校\",\"regionCode\":\"" + HOME
                                + "\",\"foundedYear\":1990}"))
                .andExpect(status().isCreated());
        putSchool(OPERATOR, "4141013298", "4141013298", ELSEWHERE)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value(ELSEWHERE));
        assertThat(regionOf("4141013298")).isEqualTo(ELSEWHERE);
    }

    @Test
    void aSchoolAdministratorsFormOffersNoRegionAndRefusesAForgedOne() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/organisation/schools/{code}/edit", TestUsers.ZHENPING).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(matchesPattern(REGION_SELECT))))
                .andExpect(content().string(containsString("id=\"region-fixed\"")));
        var form = post("/organisation/schools/{code}", TestUsers.ZHENPING)
                .session(session)
                .with(csrf())
                .param("code", TestUsers.ZHENPING)
                .param("name", nameOf(TestUsers.ZHENPING))
                .param("regionCode", ELSEWHERE)
                .param("foundedYear", String.valueOf(foundedOf(TestUsers.ZHENPING)));
        for (String major : majorsOf(TestUsers.ZHENPING)) {
            form.param("majorCodes", major);
        }
        mvc.perform(form)
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "regionCode", "school.region.operatorOnly"));
        assertThat(regionOf(TestUsers.ZHENPING)).isEqualTo(HOME);

        var operator = Sessions.login(mvc, TestUsers.ADMIN);
        mvc.perform(get("/organisation/schools/{code}/edit", TestUsers.ZHENPING).session(operator))
                .andExpect(status().isOk())
                .andExpect(content().string(matchesPattern(REGION_SELECT)))
                .andExpect(content().string(not(containsString("id=\"region-fixed\""))));
    }

    private org.springframework.test.web.servlet.ResultActions putSchool(
            RequestPostProcessor who, String code, String bodyCode, String region) throws Exception {
        String majors = String.join("\",\"", majorsOf(code));
        return mvc.perform(put("/api/v1/schools/{code}", code)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + bodyCode + "\",\"name\":\"" + nameOf(code) + "\",\"regionCode\":\"" + region
                        + "\",\"foundedYear\":" + foundedOf(code)
                        + (majors.isEmpty() ? "" : ",\"majorCodes\":[\"" + majors + "\"]")
                        + ",\"version\":" + versionOf(code) + "}"));
    }

    /** The version the school reads at: a save sends it back (optimistic locking). */
    private int versionOf(String code) throws Exception {
        String json = mvc.perform(get("/api/v1/schools/{code}", code).with(OPERATOR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.school.version");
    }

    private List<String> majorsOf(String code) throws Exception {
        String json = mvc.perform(get("/api/v1/schools/{code}", code).with(OPERATOR))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.majors[*].code");
    }

    private String nameOf(String code) {
        return jdbc.sql("SELECT name FROM school WHERE code = :c")
                .param("c", code)
                .query(String.class)
                .single();
    }

    private int foundedOf(String code) {
        return jdbc.sql("SELECT founded_year FROM school WHERE code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
    }

    private String regionOf(String code) {
        return jdbc.sql("SELECT r.code FROM school s JOIN region r ON r.id = s.region_id WHERE s.code = :c")
                .param("c", code)
                .query(String.class)
                .single();
    }

    private long codeCount(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }
}
