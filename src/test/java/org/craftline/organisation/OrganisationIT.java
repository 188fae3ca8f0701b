package org.craftline.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The organisation module end to end on PostgreSQL: API and pages, filters, paging, validation. */
@PostgresTest
class OrganisationIT {

    @Autowired
    MockMvc mvc;

    @Test
    void demoInstallationIsLoaded() throws Exception {
        var admin = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
        // exact demo counts are checked on a fresh start by H2CompatibilityTest; here other tests add records
        for (String code : new String[] {TestUsers.ZHENPING, TestUsers.NEIXIANG, "4141013001"}) {
            mvc.perform(get("/api/v1/schools/{code}", code).with(admin)).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/regions")
                        .param("parent", "411300")
                        .param("level", "COUNTY")
                        .with(admin))
                .andExpect(jsonPath("$.items[*].code", org.hamcrest.Matchers.hasItems("411302", "411324", "411325")));
        mvc.perform(get("/api/v1/schools/{code}", TestUsers.ZHENPING).with(admin))
                .andExpect(jsonPath("$.school.regionCode").value("411324"))
                .andExpect(jsonPath("$.majors.length()").value(7));
        mvc.perform(get("/api/v1/staff")
                        .param("school", TestUsers.ZHENPING)
                        .param("dualQualified", "true")
                        .with(admin))
                .andExpect(status().isOk());
    }

    @Test
    void theOperatorBuildsARegionSchoolAndMajorThroughTheApi() throws Exception {
        var admin = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
        int before = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(get("/api/v1/schools").param("region", "411300").with(admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.total");
        mvc.perform(
                        post("/api/v1/regions")
                                .with(admin)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"code\":\"411323\",\"name\":\"西峡县\",\"level\":\"COUNTY\",\"parentCode\":\"411300\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/regions/411323"));
        mvc.perform(post("/api/v1/majors")
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"750199\",\"name\":\"测试专业\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/schools")
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"4141013230\",\"name\":\"西峡县职业中专\",\"regionCode\":\"411323\","
                                + "\"foundedYear\":1985,\"majorCodes\":[\"750199\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/schools").param("region", "411300").with(admin))
                .andExpect(jsonPath("$.total").value(before + 1));
        mvc.perform(
                        post("/api/v1/schools")
                                .with(admin)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"code\":\"4141013230\",\"name\":\"dup\",\"regionCode\":\"411323\",\"foundedYear\":1985}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(
                        post("/api/v1/schools")
                                .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"code\":\"4141013231\",\"name\":\"x\",\"regionCode\":\"411323\",\"foundedYear\":1985}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void invalidApiBodiesGetFieldErrors() throws Exception {
        mvc.perform(post("/api/v1/classes")
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD))
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"majorCode\":\"\",\"entryYear\":1800,\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(3));
        mvc.perform(post("/api/v1/classes")
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"majorCode\":\"710201\",\"entryYear\":2026,\"name\":\"未开设专业班\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("majorCode"));
    }

    @Test
    void aSchoolAdministratorManagesClassesThroughThePages() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(post("/organisation/classes")
                        .session(session)
                        .with(csrf())
                        .param("majorCode", "750107")
                        .param("entryYear", "2026")
                        .param("name", "")
                        .param("adviserNumber", "NOPE"))
                .andExpect(status().isOk())
                .andExpect(view().name("organisation/class-form"))
                .andExpect(model().attributeHasFieldErrors("form", "name"));
        mvc.perform(post("/organisation/classes")
                        .session(session)
                        .with(csrf())
                        .param("majorCode", "750107")
                        .param("entryYear", "2026")
                        .param("name", "2026级玉雕艺术9班")
                        .param("adviserNumber", "NOPE"))
                .andExpect(model().attributeHasFieldErrors("form", "adviserNumber"));
        mvc.perform(post("/organisation/classes")
                        .session(session)
                        .with(csrf())
                        .param("majorCode", "750107")
                        .param("entryYear", "2026")
                        .param("name", "2026级玉雕艺术9班")
                        .param("adviserNumber", "T0001"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/organisation/classes").session(session).param("q", "玉雕艺术9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026级玉雕艺术9班")));
        String english = mvc.perform(
                        get("/organisation/classes").session(session).param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("Classes").contains("records, page 1 of 4");
    }

    @Test
    void aStaffMemberWhoAdvisesAClassIsNotDeleted() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        long id = Long.parseLong(com.jayway.jsonpath.JsonPath.read(
                        mvc.perform(get("/api/v1/staff")
                                        .param("q", "T0002")
                                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.items[0].id")
                .toString());
        mvc.perform(post("/organisation/staff/{id}/delete", id).session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("flashError", "staff.inUse"));
        mvc.perform(get("/api/v1/staff/{id}", id).with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void everyListAndDetailPageRenders() throws Exception {
        var session = Sessions.login(mvc, TestUsers.ADMIN);
        for (String path : new String[] {
            "/",
            "/organisation/schools",
            "/organisation/schools/" + TestUsers.ZHENPING,
            "/organisation/schools/new",
            "/organisation/schools/" + TestUsers.ZHENPING + "/edit",
            "/organisation/regions",
            "/organisation/regions/411300",
            "/organisation/regions/new",
            "/organisation/regions/411300/edit",
            "/organisation/majors",
            "/organisation/majors/750107",
            "/organisation/majors/new",
            "/organisation/majors/750107/edit",
            "/organisation/classes",
            "/organisation/classes/new",
            "/organisation/staff",
            "/organisation/staff/new",
            "/admin/users",
            "/admin/users/new",
            "/admin/users/zp-admin",
            "/admin/users/zp-admin/edit",
            "/tokens",
            "/audit"
        }) {
            mvc.perform(get(path).session(session)).andExpect(status().isOk());
        }
        mvc.perform(get("/organisation/schools/0000000000").session(session))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"));
    }
}
