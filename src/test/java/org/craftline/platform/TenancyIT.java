package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A user of one school never sees or changes another school's records; a bureau only reads. */
@PostgresTest
class TenancyIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long otherClassId;
    String otherClassName;

    @BeforeEach
    void pickAClassOfAnotherSchool() {
        var row = jdbc.sql("""
                        SELECT c.id, c.name FROM school_class c JOIN school s ON s.id = c.school_id
                        WHERE s.code = :code ORDER BY c.id FETCH FIRST 1 ROWS ONLY
                        """)
                .param("code", TestUsers.NEIXIANG)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        otherClassId = (Long) row[0];
        otherClassName = (String) row[1];
    }

    @Test
    void staffOfOneSchoolGets404ForAnotherSchoolsClassByPageAndApi() throws Exception {
        var session = Sessions.login(mvc, TestUsers.STAFF);
        String page = mvc.perform(
                        get("/organisation/classes/{id}", otherClassId).session(session))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain(otherClassName).doesNotContain(TestUsers.NEIXIANG);

        String api = mvc.perform(
                        get("/api/v1/classes/{id}", otherClassId).with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(api).doesNotContain(otherClassName);

        mvc.perform(get("/api/v1/classes")
                        .param("school", TestUsers.NEIXIANG)
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/schools/{code}", TestUsers.NEIXIANG)
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
    }

    @Test
    void staffListsOnlyItsOwnSchool() throws Exception {
        long own = jdbc.sql("SELECT COUNT(*) FROM school_class c JOIN school s ON s.id = c.school_id WHERE s.code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/classes").with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(own));
        mvc.perform(get("/api/v1/schools").with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(TestUsers.ZHENPING));
    }

    @Test
    void bureauReadsTheSchoolsOfItsRegionButCannotWrite() throws Exception {
        var basic = httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/classes/{id}", otherClassId).with(basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(otherClassName));
        mvc.perform(get("/api/v1/schools").with(basic))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));

        String body = "{\"majorCode\":\"730701\",\"entryYear\":2026,\"name\":\"bureau class\",\"schoolCode\":\""
                + TestUsers.NEIXIANG + "\"}";
        mvc.perform(post("/api/v1/classes")
                        .with(basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/classes/{id}", otherClassId)
                        .with(basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/classes/{id}", otherClassId).with(basic)).andExpect(status().isForbidden());

        var session = Sessions.login(mvc, TestUsers.BUREAU);
        mvc.perform(get("/organisation/classes/{id}", otherClassId).session(session))
                .andExpect(status().isOk());
        mvc.perform(post("/organisation/classes/{id}/delete", otherClassId)
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM school_class WHERE id = :id")
                        .param("id", otherClassId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void schoolAdminCannotChangeAnotherSchool() throws Exception {
        var basic = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
        String body = "{\"majorCode\":\"730701\",\"entryYear\":2026,\"name\":\"renamed\"}";
        mvc.perform(put("/api/v1/classes/{id}", otherClassId)
                        .with(basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/classes")
                        .with(basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schoolCode\":\"" + TestUsers.NEIXIANG
                                + "\",\"majorCode\":\"730701\",\"entryYear\":2026,\"name\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schoolCode"));
    }

    @Test
    void staffCannotChangeOrganisationRecordsAndEnterpriseSeesNone() throws Exception {
        mvc.perform(post("/api/v1/staff")
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"staffNumber\":\"X1\",\"name\":\"x\",\"fullTime\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/classes").with(httpBasic(TestUsers.ENTERPRISE, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.total").value(0));
        var session = Sessions.login(mvc, TestUsers.ENTERPRISE);
        mvc.perform(get("/organisation/classes").session(session)).andExpect(status().isForbidden());
        for (String user : new String[] {TestUsers.ENTERPRISE, "student"}) {
            mvc.perform(get("/api/v1/students").with(httpBasic(user, TestUsers.PASSWORD)))
                    .andExpect(jsonPath("$.total").value(0));
            var own = Sessions.login(mvc, user);
            for (String page : new String[] {"/students", "/imports", "/enterprises", "/organisation/staff"}) {
                mvc.perform(get(page).session(own)).andExpect(status().isForbidden());
            }
        }
    }
}
