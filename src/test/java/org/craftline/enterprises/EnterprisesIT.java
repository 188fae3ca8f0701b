package org.craftline.enterprises;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.craftline.shared.CreditCodes;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The shared registry: credit codes validated and registered once; groups with the school's roles. */
@PostgresTest
class EnterprisesIT {

    @Autowired
    MockMvc mvc;

    @Test
    void aSchoolUserProposesAnEnterpriseOnceWithAValidCreditCode() throws Exception {
        String body = "92411324MA9TEXT01";
        String code = body + CreditCodes.checkCharacter(body);
        String wrong = body + (code.endsWith("0") ? "1" : "0");
        propose(TestUsers.STAFF, wrong)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"));
        propose(TestUsers.STAFF, code.toLowerCase())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.creditCode").value(code));
        propose(TestUsers.SCHOOL_ADMIN, code)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"));
        propose(TestUsers.BUREAU, "").andExpect(status().isForbidden());
        propose(TestUsers.STAFF, "").andExpect(status().isCreated());
    }

    @Test
    void theRegistryIsSharedAndSearchable() throws Exception {
        mvc.perform(get("/api/v1/enterprises")
                        .param("industry", "CARPET")
                        .param("region", "411324")
                        .with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].industry").value("CARPET"));
        mvc.perform(get("/api/v1/enterprises").param("q", "地毯厂").with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(100)));
        var session = Sessions.login(mvc, TestUsers.STAFF);
        mvc.perform(get("/enterprises").session(session)).andExpect(status().isOk());
        mvc.perform(get("/enterprises/1").session(session)).andExpect(status().isOk());
        mvc.perform(get("/enterprises/new").session(session)).andExpect(status().isOk());
        mvc.perform(get("/groups").session(session)).andExpect(status().isOk());
        mvc.perform(get("/groups/1").session(session)).andExpect(status().isOk());
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        for (String page :
                new String[] {"/cooperations", "/cooperations/new", "/cooperations/new?enterprise=1", "/enterprises/1"
                }) {
            mvc.perform(get(page).session(admin)).andExpect(status().isOk());
        }
    }

    @Test
    void theZhenpingSchoolDirectsTheProvincialGroupAndLeadsTheCountyGroup() throws Exception {
        var admin = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/groups").with(admin))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/v1/groups/1").with(admin))
                .andExpect(jsonPath("$.group.name").value("河南省工艺美术职业教育集团"))
                .andExpect(jsonPath("$.members[0].code").value(TestUsers.ZHENPING))
                .andExpect(jsonPath("$.members[0].role").value("DIRECTOR"));
        mvc.perform(get("/api/v1/groups/2").with(admin))
                .andExpect(jsonPath("$.group.name").value("镇平县玉雕职业教育集团"))
                .andExpect(jsonPath("$.members[0].code").value(TestUsers.ZHENPING))
                .andExpect(jsonPath("$.members[0].role").value("LEAD"));
    }

    private org.springframework.test.web.servlet.ResultActions propose(String user, String code) throws Exception {
        return mvc.perform(post("/api/v1/enterprises")
                .with(httpBasic(user, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"creditCode\":\"" + code + "\",\"name\":\"镇平测试玉雕坊\",\"industry\":\"JADE_CARVING\","
                        + "\"regionCode\":\"411324\",\"town\":\"石佛寺镇\",\"sizeBand\":\"MICRO\"}"));
    }
}
