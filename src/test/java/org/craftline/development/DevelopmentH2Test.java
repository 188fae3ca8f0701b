package org.craftline.development;

import static org.craftline.development.DevelopmentFixtures.ZP_ADMIN;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.support.H2Test;
import org.craftline.support.ImportFiles;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The development flows on the embedded H2 database (PostgreSQL mode), in the context of
 * H2CompatibilityTest: the demo's capacity-building share, the ledger's row lock and per-month sums,
 * a reversal, and the two import kinds' MERGE statements.
 */
@H2Test
class DevelopmentH2Test {

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoShareAndTheLedgerWorkOnH2() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.ZHENPING)
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.indicators.capacity_building_share").value(1.0))
                .andExpect(jsonPath("$.indicators.funds_awarded", greaterThanOrEqualTo(4600000.0)));
        long p = DevelopmentFixtures.project(mvc, ZP_ADMIN, "H2 台账项目", "100.00");
        DevelopmentFixtures.line(mvc, ZP_ADMIN, p, "EQUIPMENT", "100.00", true);
        long e = DevelopmentFixtures.spent(mvc, p, "EQUIPMENT", "0.1");
        DevelopmentFixtures.spent(mvc, p, "EQUIPMENT", "0.2");
        DevelopmentFixtures.spend(mvc, ZP_ADMIN, p, "EQUIPMENT", "99.71", "H2-V", null)
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/projects/{p}/expenditures/{e}", p, e)
                        .param("reason", "H2")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/projects/{id}", p).with(ZP_ADMIN))
                .andExpect(content().string(containsString("\"spent\":0.20,\"balance\":99.80")))
                .andExpect(jsonPath("$.months[0].month").value("2025-05"));
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/development/projects/{id}", p).session(session)).andExpect(status().isOk());
        mvc.perform(get("/development/honours").session(session)).andExpect(status().isOk());
    }

    @Test
    void bothImportKindsMergeOnH2() throws Exception {
        long p = DevelopmentFixtures.project(mvc, ZP_ADMIN, "H2 导入项目", "100.00");
        DevelopmentFixtures.line(mvc, ZP_ADMIN, p, "CURRICULUM", "100.00", true);
        List<String> expenditures = List.of(
                DevelopmentImportsIT.EXPENDITURES,
                "H2 导入项目,课程建设,2025-06-01,60,河南大学出版社,H2-I1,",
                "H2 导入项目,课程建设,2025-06-02,40,河南大学出版社,H2-I2,教材");
        upload("expenditures", expenditures).andExpect(jsonPath("$.created").value(2));
        upload("expenditures", expenditures).andExpect(jsonPath("$.unchanged").value(2));
        List<String> honours =
                List.of(DevelopmentImportsIT.HONOURS, "H2 荣誉,河南省教育厅,省级,2010-2012,,,", "H2 个人荣誉,南阳市教育局,市级,2016,,T0002,");
        upload("honours", honours).andExpect(jsonPath("$.created").value(2));
        upload("honours", honours).andExpect(jsonPath("$.unchanged").value(2));
    }

    private ResultActions upload(String kind, List<String> lines) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/{kind}", kind)
                        .file(ImportFiles.csv("h2.csv", lines, StandardCharsets.UTF_8))
                        .param("dryRun", "false")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk());
    }
}
