package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
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
import java.util.List;
import java.util.Map;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A school administrator keeps its school's accounts; a created account changes its password first. */
@PostgresTest
class SchoolAccountsIT {

    static final RequestPostProcessor OFFICE = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTeacherAccountIsCreatedShownOnceAndChangesItsPasswordFirst() throws Exception {
        MockHttpSession office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        var flash = mvc.perform(post("/school/users")
                        .session(office)
                        .with(csrf())
                        .param("role", "STAFF")
                        .param("username", "zp-new-teacher")
                        .param("displayName", "王老师"))
                .andExpect(redirectedUrl("/school/users"))
                .andReturn()
                .getFlashMap();
        @SuppressWarnings("unchecked")
        var created = (List<Object>) flash.get("created");
        String password = (String) JsonPath.read(
                new tools.jackson.databind.json.JsonMapper().writeValueAsString(created.get(0)), "$.password");
        assertThat(jdbc.sql("SELECT school_id FROM app_user WHERE username = 'zp-new-teacher'")
                        .query(Long.class)
                        .single())
                .isEqualTo(zhenping());

        MockHttpSession teacher = (MockHttpSession)
                mvc.perform(formLogin("/login").user("zp-new-teacher").password(password))
                        .andExpect(redirectedUrl("/"))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        mvc.perform(get("/students").session(teacher)).andExpect(redirectedUrl("/password"));
        mvc.perform(get("/api/v1/classes").with(httpBasic("zp-new-teacher", password)))
                .andExpect(status().isForbidden());
        String refused = mvc.perform(post("/password")
                        .session(teacher)
                        .with(csrf())
                        .param("current", password)
                        .param("password", "aaaaaaaaaaaaaa")
                        .param("repeat", "aaaaaaaaaaaaaa"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("不能只是同一个字符重复");
        mvc.perform(post("/password")
                        .session(teacher)
                        .with(csrf())
                        .param("current", password)
                        .param("password", "玉雕之乡镇平县工艺美术中等专业学校的李老师和王老师们")
                        .param("repeat", "玉雕之乡镇平县工艺美术中等专业学校的李老师和王老师们"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("72 个字节"))); // 25 characters, 75 bytes
        mvc.perform(post("/password")
                        .session(teacher)
                        .with(csrf())
                        .param("current", password)
                        .param("password", "a-long-enough-secret-2026")
                        .param("repeat", "a-long-enough-secret-2026"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/students").session(teacher)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/classes").with(httpBasic("zp-new-teacher", "a-long-enough-secret-2026")))
                .andExpect(status().isOk());

        // disabled: no new sign-in
        mvc.perform(post("/school/users/zp-new-teacher/enabled")
                        .session(office)
                        .with(csrf())
                        .param("enabled", "false"))
                .andExpect(redirectedUrl("/school/users"));
        mvc.perform(formLogin("/login").user("zp-new-teacher").password("a-long-enough-secret-2026"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aSchoolKeepsOnlyItsOwnTeacherGraduateAndEnterpriseAccounts() throws Exception {
        String code = jdbc.sql("SELECT credit_code FROM enterprise WHERE credit_code IS NOT NULL ORDER BY id"
                        + " FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
        account("{\"role\":\"ENTERPRISE\",\"username\":\"zp-ent-1\",\"displayName\":\"玉雕厂人事\",\"creditCode\":\"" + code
                        + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.password").isNotEmpty());
        assertThat(jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = 'zp-ent-1'")
                        .query(Long.class)
                        .single())
                .isNotNull();
        account(
                        "{\"role\":\"ENTERPRISE\",\"username\":\"zp-ent-2\",\"displayName\":\"x\",\"creditCode\":\"91411324MA0000000X\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("creditCode"));
        account("{\"role\":\"SCHOOL_ADMIN\",\"username\":\"zp-boss\",\"displayName\":\"x\"}")
                .andExpect(status().isBadRequest());
        account("{\"role\":\"STUDENT\",\"username\":\"zp-grad-x\",\"displayName\":\"x\",\"studentNumber\":\"NO-SUCH\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("studentNumber"));
        // another school's user is not this school's to disable; teachers and the bureau keep no accounts
        mvc.perform(put("/api/v1/school/users/bureau/enabled")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\":false}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/school/users").with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        MockHttpSession teacher = Sessions.login(mvc, TestUsers.STAFF);
        mvc.perform(get("/school/users").session(teacher)).andExpect(status().isForbidden());
        String list = mvc.perform(get("/api/v1/school/users")
                        .param("q", "zp-")
                        .param("size", "200")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(list, "$.items[*].username"))
                .contains("zp-ent-1", TestUsers.STAFF)
                .doesNotContain("bureau", TestUsers.SCHOOL_ADMIN, "admin");
    }

    @Test
    void aWholeGraduationYearGetsItsAccountsAtOnce() throws Exception {
        String dry = mvc.perform(post("/api/v1/school/graduate-accounts")
                        .param("year", "2011")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int pending = JsonPath.read(dry, "$.graduatesWithoutAccount");
        assertThat(pending).isPositive();
        long start = System.nanoTime();
        String done = mvc.perform(post("/api/v1/school/graduate-accounts")
                        .param("year", "2011")
                        .param("dryRun", "false")
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("graduate accounts: " + pending + " in " + millis + " ms");
        List<Map<String, String>> created = JsonPath.read(done, "$.created");
        assertThat(created).hasSize(pending);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user u JOIN student s ON s.id = u.student_id"
                                + " WHERE s.graduation_year = 2011 AND u.school_id = :s AND u.must_change_password")
                        .param("s", zhenping())
                        .query(Long.class)
                        .single())
                .isEqualTo(pending);
        mvc.perform(post("/api/v1/school/graduate-accounts")
                        .param("year", "2011")
                        .with(OFFICE))
                .andExpect(jsonPath("$.graduatesWithoutAccount").value(0));
        // a graduate signs in with its number and the handed-over password, then must change it
        Map<String, String> first = created.get(0);
        mvc.perform(get("/api/v1/me/destinations").with(httpBasic(first.get("username"), first.get("password"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/me/password")
                        .with(httpBasic(first.get("username"), first.get("password")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"current\":\"" + first.get("password")
                                + "\",\"password\":\"my-own-password-2026\",\"repeat\":\"my-own-password-2026\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me/destinations").with(httpBasic(first.get("username"), "my-own-password-2026")))
                .andExpect(status().isOk());
    }

    @Test
    void thePagesShowTheCountFirstAndThePasswordsOnce() throws Exception {
        MockHttpSession office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String before =
                page(get("/school/graduate-accounts").param("year", "2012").session(office));
        assertThat(before).contains("id=\"pending-graduates\"").contains("2012 届有");
        String after = page(post("/school/graduate-accounts")
                .param("year", "2012")
                .session(office)
                .with(csrf()));
        assertThat(after).contains("id=\"created-accounts\"").contains("<code>").contains("G201200001");
        mvc.perform(post("/school/users")
                        .session(office)
                        .with(csrf())
                        .param("role", "STAFF")
                        .param("username", "zp-page-teacher")
                        .param("displayName", "赵老师"))
                .andExpect(redirectedUrl("/school/users"));
        // the session carries the flash to the next page only
        String list = page(get("/school/users").session(office));
        assertThat(list).contains("id=\"created-accounts\"").contains("zp-page-teacher");
        assertThat(page(get("/school/users").session(office)))
                .as("shown once")
                .doesNotContain("id=\"created-accounts\"");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private org.springframework.test.web.servlet.ResultActions account(String json) throws Exception {
        return mvc.perform(post("/api/v1/school/users")
                .with(OFFICE)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private long zhenping() {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
    }
}
