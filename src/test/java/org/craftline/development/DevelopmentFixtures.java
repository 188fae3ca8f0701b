package org.craftline.development;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Projects, lines and users of the development tests. Every line these tests give the Zhenping
 * school counts as capacity building, so that its demo share of 1.0 holds whatever runs first.
 */
final class DevelopmentFixtures {

    static final RequestPostProcessor ZP_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor ZP_TEACHER = httpBasic(TestUsers.STAFF, TestUsers.PASSWORD);
    static final RequestPostProcessor BUREAU = httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD);
    static final String NEIXIANG_ADMIN = "dev-neixiang-admin";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private DevelopmentFixtures() {}

    static RequestPostProcessor httpEnterprise() {
        return httpBasic(TestUsers.ENTERPRISE, TestUsers.PASSWORD);
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SERIAL.incrementAndGet();
    }

    static long project(MockMvc mvc, RequestPostProcessor user, String name, String awarded) throws Exception {
        String json = mvc.perform(post("/api/v1/projects")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name
                                + "\",\"fundingSource\":\"省级职业教育发展专项资金\",\"level\":\"PROVINCIAL\","
                                + "\"awardYear\":2025,\"amountAwarded\":" + awarded + ",\"status\":\"ONGOING\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    static void line(MockMvc mvc, RequestPostProcessor user, long project, String category, String planned, boolean cb)
            throws Exception {
        mvc.perform(post("/api/v1/projects/{id}/lines", project)
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"" + category + "\",\"description\":\"测试科目\",\"plannedAmount\":"
                                + planned + ",\"capacityBuilding\":" + cb + "}"))
                .andExpect(status().isCreated());
    }

    static ResultActions spend(
            MockMvc mvc,
            RequestPostProcessor user,
            long project,
            String category,
            String amount,
            String voucher,
            String override)
            throws Exception {
        String overrideJson = override == null
                ? ""
                : ",\"override\":true,\"overrideReason\":\"" + override + "\",\"overrideConfirmed\":true";
        return mvc.perform(post("/api/v1/projects/{id}/expenditures", project)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"" + category + "\",\"spentOn\":\"2025-05-20\",\"amount\":" + amount
                        + ",\"payee\":\"镇平县玉雕机械厂\",\"voucherNo\":\"" + voucher + "\",\"note\":\"测试\"" + overrideJson
                        + "}"));
    }

    static long spent(MockMvc mvc, long project, String category, String amount) throws Exception {
        String json = spend(mvc, ZP_ADMIN, project, category, amount, unique("V"), null)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    /** A school administrator of the Neixiang school, created once through the administrator's page. */
    static RequestPostProcessor neixiangAdmin(MockMvc mvc, JdbcClient jdbc) throws Exception {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
                        .param("u", NEIXIANG_ADMIN)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            mvc.perform(post("/admin/users")
                            .session(Sessions.login(mvc, TestUsers.ADMIN))
                            .with(csrf())
                            .param("username", NEIXIANG_ADMIN)
                            .param("displayName", "内乡职教中心管理员")
                            .param("role", "SCHOOL_ADMIN")
                            .param("schoolCode", TestUsers.NEIXIANG)
                            .param("enabled", "true")
                            .param("password", TestUsers.PASSWORD))
                    .andExpect(status().is3xxRedirection());
        }
        return httpBasic(NEIXIANG_ADMIN, TestUsers.PASSWORD);
    }
}
