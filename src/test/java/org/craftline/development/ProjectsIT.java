package org.craftline.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.craftline.development.DevelopmentFixtures.BUREAU;
import static org.craftline.development.DevelopmentFixtures.ZP_ADMIN;
import static org.craftline.development.DevelopmentFixtures.ZP_TEACHER;
import static org.craftline.development.DevelopmentFixtures.line;
import static org.craftline.development.DevelopmentFixtures.project;
import static org.craftline.development.DevelopmentFixtures.spend;
import static org.craftline.development.DevelopmentFixtures.spent;
import static org.craftline.development.DevelopmentFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.math.BigDecimal;
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
 * Funded projects keep exact money: sums and balances in decimal yuan, the over-budget rule with its
 * audited override, reversal entries instead of deletion, voucher numbers unique per school, and
 * tenancy (another school cannot find a project; the bureau and staff only read).
 */
@PostgresTest
class ProjectsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void moneyIsExactDecimalYuanInSumsAndBalances() throws Exception {
        long p = project(mvc, ZP_ADMIN, unique("精确金额项目"), "1234568.19");
        line(mvc, ZP_ADMIN, p, "EQUIPMENT", "0.30", true);
        line(mvc, ZP_ADMIN, p, "TRAINING_BASES", "1234567.89", true);
        spent(mvc, p, "EQUIPMENT", "0.1");
        spent(mvc, p, "EQUIPMENT", "0.20");
        spent(mvc, p, "TRAINING_BASES", "1000000.01");
        spent(mvc, p, "TRAINING_BASES", "234567.88");

        mvc.perform(get("/api/v1/projects/{id}", p).with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].category").value("EQUIPMENT"))
                .andExpect(content().string(containsString("\"planned\":0.30,\"spent\":0.30,\"balance\":0.00")))
                .andExpect(content()
                        .string(containsString("\"planned\":1234567.89,\"spent\":1234567.89,\"balance\":0.00")))
                .andExpect(
                        content().string(containsString("\"spent\":1234568.19,\"balance\":0.00,\"unallocated\":0.00")))
                .andExpect(jsonPath("$.months[0].month").value("2025-05"))
                .andExpect(jsonPath("$.project.spent").value(1234568.19));
        assertThat(jdbc.sql("SELECT SUM(amount) FROM expenditure WHERE project_id = :p")
                        .param("p", p)
                        .query(BigDecimal.class)
                        .single())
                .isEqualTo(new BigDecimal("1234568.19"));

        spend(mvc, ZP_ADMIN, p, "EQUIPMENT", "0.01", unique("V"), null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        for (String bad : new String[] {"0.001", "0", "-5.00", "1e15"}) {
            spend(mvc, ZP_ADMIN, p, "TRAINING_BASES", bad, unique("V"), null).andExpect(status().isBadRequest());
        }
        spend(mvc, ZP_ADMIN, p, "CURRICULUM", "1.00", unique("V"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
    }

    @Test
    void anOverBudgetExpenditureNeedsAnAdministratorsAuditedOverride() throws Exception {
        long p = project(mvc, ZP_ADMIN, unique("超预算项目"), "100.00");
        line(mvc, ZP_ADMIN, p, "EQUIPMENT", "100.00", true);
        spent(mvc, p, "EQUIPMENT", "80.00");
        spend(mvc, ZP_ADMIN, p, "EQUIPMENT", "20.01", unique("V"), null).andExpect(status().isConflict());
        spend(mvc, ZP_ADMIN, p, "EQUIPMENT", "30.00", unique("V"), " ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overrideReason"));
        spend(mvc, ZP_TEACHER, p, "EQUIPMENT", "30.00", unique("V"), "急需").andExpect(status().isForbidden());
        String json = spend(mvc, ZP_ADMIN, p, "EQUIPMENT", "30.00", unique("V"), "设备涨价，经校长办公会批准")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overrideReason").value("设备涨价，经校长办公会批准"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) com.jayway.jsonpath.JsonPath.read(json, "$.id")).longValue();
        mvc.perform(get("/api/v1/projects/{id}", p).with(ZP_ADMIN))
                .andExpect(content().string(containsString("\"spent\":110.00,\"balance\":-10.00")));
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM audit_event WHERE action = 'OVERRIDE' AND entity_type = 'expenditure'
                          AND entity_key = :k AND username = :u AND after_json LIKE '%设备涨价%'
                        """)
                        .param("k", String.valueOf(id))
                        .param("u", TestUsers.SCHOOL_ADMIN)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        // within budget an override is not needed and no reason is kept
        line(mvc, ZP_ADMIN, p, "CURRICULUM", "10.00", true);
        spend(mvc, ZP_ADMIN, p, "CURRICULUM", "10.00", unique("V"), "不需要")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.overrideReason").doesNotExist());
    }

    @Test
    void anOverrideHasTheProjectsTotalAsCeilingAndNeedsASecondConfirmation() throws Exception {
        long p = project(mvc, ZP_ADMIN, unique("超预算上限项目"), "5000.00");
        line(mvc, ZP_ADMIN, p, "EQUIPMENT", "5000.00", true);
        spent(mvc, p, "EQUIPMENT", "4000.00");
        spend(mvc, ZP_ADMIN, p, "EQUIPMENT", "123000000000.00", unique("V"), "设备涨价")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("5000.00")));
        String unconfirmed = "{\"category\":\"EQUIPMENT\",\"spentOn\":\"2025-05-20\",\"amount\":1500.00,"
                + "\"payee\":\"镇平县玉雕机械厂\",\"voucherNo\":\"" + unique("V")
                + "\",\"override\":true,\"overrideReason\":\"设备涨价\"";
        for (String confirmation : new String[] {"", ",\"overrideConfirmed\":false"}) {
            mvc.perform(post("/api/v1/projects/{id}/expenditures", p)
                            .with(ZP_ADMIN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(unconfirmed + confirmation + "}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("overrideConfirmed"));
        }
        assertThat(jdbc.sql("SELECT SUM(amount) FROM expenditure WHERE project_id = :p")
                        .param("p", p)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("4000.00");
        spend(mvc, ZP_ADMIN, p, "EQUIPMENT", "1500.00", unique("V"), "设备涨价").andExpect(status().isCreated());
    }

    @Test
    void theExpenditurePageAsksForTheOverridesSecondConfirmation() throws Exception {
        long p = project(mvc, ZP_ADMIN, unique("页面超预算项目"), "200.00");
        line(mvc, ZP_ADMIN, p, "EQUIPMENT", "100.00", true);
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String location = "/development/projects/" + p;
        mvc.perform(get(location + "/expenditures/new").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"overrideConfirmed\"")));
        String voucher = unique("P");
        var form = post(location + "/expenditures")
                .session(session)
                .with(csrf())
                .param("category", "EQUIPMENT")
                .param("spentOn", "2025-06-01")
                .param("payee", "镇平县玉雕机械厂")
                .param("voucherNo", voucher)
                .param("override", "true")
                .param("overrideReason", "设备涨价");
        mvc.perform(form.param("amount", "250.00"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "amount", "expenditure.override.ceiling"));
        mvc.perform(post(location + "/expenditures")
                        .session(session)
                        .with(csrf())
                        .param("category", "EQUIPMENT")
                        .param("spentOn", "2025-06-01")
                        .param("amount", "150.00")
                        .param("payee", "镇平县玉雕机械厂")
                        .param("voucherNo", voucher)
                        .param("override", "true")
                        .param("overrideReason", "设备涨价"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode(
                                "form", "overrideConfirmed", "expenditure.override.unconfirmed"));
        mvc.perform(post(location + "/expenditures")
                        .session(session)
                        .with(csrf())
                        .param("category", "EQUIPMENT")
                        .param("spentOn", "2025-06-01")
                        .param("amount", "150.00")
                        .param("payee", "镇平县玉雕机械厂")
                        .param("voucherNo", voucher)
                        .param("override", "true")
                        .param("overrideReason", "设备涨价")
                        .param("overrideConfirmed", "true"))
                .andExpect(redirectedUrl(location));
    }

    @Test
    void deletingAnExpenditureWritesAReversalEntryOnce() throws Exception {
        long p = project(mvc, ZP_ADMIN, unique("冲销项目"), "500.00");
        line(mvc, ZP_ADMIN, p, "TRAINING_FACILITIES", "500.00", true);
        long id = spent(mvc, p, "TRAINING_FACILITIES", "123.45");
        mvc.perform(delete("/api/v1/projects/{p}/expenditures/{e}", p, id).with(ZP_ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(delete("/api/v1/projects/{p}/expenditures/{e}", p, id)
                        .param("reason", "重复入账")
                        .with(ZP_TEACHER))
                .andExpect(status().isForbidden());
        String json = mvc.perform(delete("/api/v1/projects/{p}/expenditures/{e}", p, id)
                        .param("reason", "重复入账")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(-123.45))
                .andExpect(jsonPath("$.reversesId").value(id))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long reversal = ((Number) com.jayway.jsonpath.JsonPath.read(json, "$.id")).longValue();
        mvc.perform(get("/api/v1/projects/{p}/expenditures/{e}", p, id).with(ZP_ADMIN))
                .andExpect(jsonPath("$.reversed").value(true))
                .andExpect(jsonPath("$.amount").value(123.45));
        mvc.perform(get("/api/v1/projects/{id}", p).with(ZP_ADMIN))
                .andExpect(content().string(containsString("\"spent\":0.00,\"balance\":500.00")));
        mvc.perform(delete("/api/v1/projects/{p}/expenditures/{e}", p, id)
                        .param("reason", "再次冲销")
                        .with(ZP_ADMIN))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/projects/{p}/expenditures/{e}", p, reversal)
                        .param("reason", "冲销冲销")
                        .with(ZP_ADMIN))
                .andExpect(status().isConflict());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM expenditure WHERE project_id = :p")
                        .param("p", p)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE entity_type = 'expenditure' AND entity_key = :k"
                                + " ORDER BY id")
                        .param("k", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly("CREATE", "REVERSE");
        mvc.perform(get("/api/v1/projects/{p}/expenditures", p).with(ZP_TEACHER))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void aVoucherNumberIsUniqueWithinItsSchoolOnly() throws Exception {
        String voucher = unique("记");
        long a = project(mvc, ZP_ADMIN, unique("凭证项目甲"), "100.00");
        long b = project(mvc, ZP_ADMIN, unique("凭证项目乙"), "100.00");
        line(mvc, ZP_ADMIN, a, "EQUIPMENT", "100.00", true);
        line(mvc, ZP_ADMIN, b, "EQUIPMENT", "100.00", true);
        spend(mvc, ZP_ADMIN, a, "EQUIPMENT", "10.00", voucher, null).andExpect(status().isCreated());
        spend(mvc, ZP_ADMIN, b, "EQUIPMENT", "10.00", voucher, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("voucherNo"));
        RequestPostProcessor neixiang = DevelopmentFixtures.neixiangAdmin(mvc, jdbc);
        long other = project(mvc, neixiang, unique("内乡凭证项目"), "100.00");
        line(mvc, neixiang, other, "OTHER", "100.00", false);
        spend(mvc, neixiang, other, "OTHER", "10.00", voucher, null).andExpect(status().isCreated());
    }

    @Test
    void anotherSchoolCannotFindAProjectAndReadersCannotWriteMoney() throws Exception {
        String name = unique("租户隔离项目");
        long p = project(mvc, ZP_ADMIN, name, "100.00");
        line(mvc, ZP_ADMIN, p, "EQUIPMENT", "100.00", true);
        long e = spent(mvc, p, "EQUIPMENT", "1.00");
        RequestPostProcessor neixiang = DevelopmentFixtures.neixiangAdmin(mvc, jdbc);
        mvc.perform(get("/api/v1/projects/{id}", p).with(neixiang)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/projects/{id}/expenditures", p).with(neixiang)).andExpect(status().isNotFound());
        spend(mvc, neixiang, p, "EQUIPMENT", "1.00", unique("V"), null).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/projects/{p}/expenditures/{e}", p, e)
                        .param("reason", "x")
                        .with(neixiang))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/projects").param("q", name).with(neixiang))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) p))));

        mvc.perform(get("/api/v1/projects").param("q", name).with(BUREAU))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem((int) p)));
        mvc.perform(get("/api/v1/projects/{id}", p).with(ZP_TEACHER)).andExpect(status().isOk());
        spend(mvc, BUREAU, p, "EQUIPMENT", "1.00", unique("V"), null).andExpect(status().isForbidden());
        spend(mvc, ZP_TEACHER, p, "EQUIPMENT", "1.00", unique("V"), null).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/projects/{id}/lines", p)
                        .with(ZP_TEACHER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"OTHER\",\"plannedAmount\":1,\"capacityBuilding\":false}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/projects")
                        .with(ZP_TEACHER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"fundingSource\":\"x\",\"level\":\"COUNTY\",\"awardYear\":2025,"
                                + "\"amountAwarded\":1,\"status\":\"PLANNED\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/projects").with(DevelopmentFixtures.httpEnterprise()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void pagesShowTheLedgerAndRecordWithConfirmationAndRedirects() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String name = unique("页面项目");
        String location = mvc.perform(post("/development/projects")
                        .session(session)
                        .with(csrf())
                        .param("name", name)
                        .param("fundingSource", "县级财政")
                        .param("level", "COUNTY")
                        .param("awardYear", "2025")
                        .param("amountAwarded", "1000.00")
                        .param("status", "ONGOING"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/development/projects/\\d+");
        long p = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post(location + "/lines")
                        .session(session)
                        .with(csrf())
                        .param("category", "EQUIPMENT")
                        .param("plannedAmount", "100.00")
                        .param("capacityBuilding", "true"))
                .andExpect(redirectedUrl(location));
        mvc.perform(post(location + "/expenditures")
                        .session(session)
                        .with(csrf())
                        .param("category", "EQUIPMENT")
                        .param("spentOn", "2025-06-01")
                        .param("amount", "150.00")
                        .param("payee", "镇平县玉雕机械厂")
                        .param("voucherNo", unique("P")))
                .andExpect(status().isOk())
                .andExpect(view().name("development/expenditure-form"))
                .andExpect(model().attributeHasFieldErrorCode("form", "amount", "expenditure.overBudget"));
        mvc.perform(post(location + "/expenditures")
                        .session(session)
                        .with(csrf())
                        .param("category", "EQUIPMENT")
                        .param("spentOn", "2025-06-01")
                        .param("amount", "60.50")
                        .param("payee", "镇平县玉雕机械厂")
                        .param("voucherNo", unique("P")))
                .andExpect(redirectedUrl(location));
        long e = jdbc.sql("SELECT id FROM expenditure WHERE project_id = :p")
                .param("p", p)
                .query(Long.class)
                .single();
        mvc.perform(get(location).session(Sessions.login(mvc, TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(containsString("60.50")))
                .andExpect(content().string(containsString("39.50")));
        mvc.perform(get(location + "/expenditures/" + e + "/reverse").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-confirm")));
        mvc.perform(post(location + "/expenditures/" + e + "/reverse")
                        .session(Sessions.login(mvc, TestUsers.STAFF))
                        .with(csrf())
                        .param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/expenditures/" + e + "/reverse")
                        .session(session)
                        .with(csrf())
                        .param("reason", "金额有误"))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("flashMessage", "expenditure.reversed"));
        mvc.perform(get("/development/projects").session(session))
                .andExpect(status().isOk())
                .andExpect(view().name("development/projects"));
        for (String form : new String[] {
            "/development/projects/new",
            location + "/edit",
            location + "/lines/new",
            location + "/expenditures/new",
            location
        }) {
            mvc.perform(get(form).session(session)).andExpect(status().isOk());
        }
        mvc.perform(post(location)
                        .session(session)
                        .with(csrf())
                        .param("name", name)
                        .param("fundingSource", "县级财政")
                        .param("level", "COUNTY")
                        .param("awardYear", "2025")
                        .param("amountAwarded", "1000.00")
                        .param("status", "COMPLETED")
                        .param("version", String.valueOf(versionOf(p))))
                .andExpect(redirectedUrl(location));
        mvc.perform(get("/api/v1/projects/{id}", p).with(ZP_ADMIN))
                .andExpect(jsonPath("$.project.status").value("COMPLETED"));
    }

    /** The version the project reads at: a save sends it back (optimistic locking). */
    private int versionOf(long project) throws Exception {
        String json = mvc.perform(get("/api/v1/projects/{id}", project).with(ZP_ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return com.jayway.jsonpath.JsonPath.read(json, "$.project.version");
    }
}
