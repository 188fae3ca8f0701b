package org.craftline.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff categories (issue 19): a 专任教师 is a full-time TEACHER, distinct from full-time
 * administrative, support and service staff and from part-time teachers. The demo school has
 * non-teaching staff and its dual-qualified share divides by its full-time teachers only; on a fresh
 * school, a member of staff is written with its category through the API and the pages, one who
 * names none is a teacher as before, and a change of category alone moves the share (the summaries'
 * change log notices the column). Run on PostgreSQL ({@link StaffCategoryIT}) and H2 ({@link StaffCategoryH2Test}).
 */
abstract class StaffCategoryChecks {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
    static final String SHARE = "$.indicators.dual_qualified_teacher_share";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final String code =
            "4149" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 6);
    long school;

    @BeforeEach
    void aFreshSchoolWithTwoFullTimeTeachersOneDualQualified() throws Exception {
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT :c, :n, id, 2000 FROM region WHERE code = '411324'")
                .param("c", code)
                .param("n", "类别测试学校" + code)
                .update();
        school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
        create("C1", "TEACHER", true, true).andExpect(status().isCreated());
        create("C2", "TEACHER", true, false).andExpect(status().isCreated());
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM staff WHERE school_id = :s").param("s", school).update();
        jdbc.sql("DELETE FROM school WHERE id = :s").param("s", school).update();
    }

    @Test
    void theDemoSchoolHasNonTeachingStaffAndItsShareDividesByFullTimeTeachersOnly() throws Exception {
        String zhenping = "(SELECT id FROM school WHERE code = '" + TestUsers.ZHENPING + "')";
        long nonTeaching = count("SELECT COUNT(*) FROM staff WHERE school_id = " + zhenping
                + " AND category <> 'TEACHER' AND full_time = TRUE");
        assertThat(nonTeaching).isPositive();
        for (String category : new String[] {"ADMINISTRATIVE", "SUPPORT", "WORKER"}) {
            assertThat(count("SELECT COUNT(*) FROM staff WHERE school_id = " + zhenping + " AND category = '" + category
                            + "'"))
                    .as(category)
                    .isPositive();
        }
        long teachers = count("SELECT COUNT(*) FROM staff WHERE school_id = " + zhenping
                + " AND category = 'TEACHER' AND full_time = TRUE");
        long dual = count("SELECT COUNT(*) FROM staff WHERE school_id = " + zhenping
                + " AND category = 'TEACHER' AND full_time = TRUE AND dual_qualified = TRUE");
        double share = ((Number) JsonPath.read(indicators(TestUsers.ZHENPING), SHARE)).doubleValue();
        assertThat(share).isCloseTo((double) dual / teachers, org.assertj.core.data.Offset.offset(0.00005));
        // what the old definition (every full-time member of staff) would give is not it
        assertThat(share)
                .isNotCloseTo((double) dual / (teachers + nonTeaching), org.assertj.core.data.Offset.offset(0.00005));
    }

    @Test
    void onlyFullTimeTeachersCountAndAChangeOfCategoryAloneMovesTheShare() throws Exception {
        assertThat(share()).isEqualTo(0.5);
        String clerk = create("C3", "ADMINISTRATIVE", true, true)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.category").value("ADMINISTRATIVE"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        create("C4", "TEACHER", false, true).andExpect(status().isCreated());
        create("C5", "WORKER", true, false).andExpect(status().isCreated());
        assertThat(share())
                .as("a dual-qualified clerk, a part-time teacher, a worker")
                .isEqualTo(0.5);

        long id = ((Number) JsonPath.read(clerk, "$.id")).longValue();
        int version = JsonPath.read(clerk, "$.version");
        mvc.perform(put("/api/v1/staff/{id}", id)
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("C3", "TEACHER", true, true).replace("}", ",\"version\":" + version + "}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("TEACHER"));
        assertThat(share()).as("the clerk now teaches full-time: 2 of 3").isEqualTo(expected());
        assertThat(expected()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(0.0001));

        mvc.perform(get("/api/v1/staff")
                        .param("school", code)
                        .param("category", "WORKER")
                        .with(ADMIN))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].staffNumber").value("C5"));
        mvc.perform(get("/api/v1/staff")
                        .param("school", code)
                        .param("category", "TEACHER")
                        .param("fullTime", "true")
                        .with(ADMIN))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(get("/api/v1/staff").param("category", "NOBODY").with(ADMIN))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aWriterThatNamesNoCategoryWritesATeacherAndThePagesShowTheCategory() throws Exception {
        mvc.perform(post("/api/v1/staff")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schoolCode\":\"" + code + "\",\"staffNumber\":\"C6\",\"name\":\"旧客户端\","
                                + "\"fullTime\":true,\"dualQualified\":false}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.category").value("TEACHER"));
        create("C7", "NOBODY", true, false).andExpect(status().isBadRequest());

        var session = Sessions.login(mvc, TestUsers.ADMIN);
        mvc.perform(post("/organisation/staff")
                        .session(session)
                        .with(csrf())
                        .param("schoolCode", code)
                        .param("staffNumber", "C8")
                        .param("name", "实验员甲")
                        .param("category", "SUPPORT")
                        .param("fullTime", "true")
                        .param("_fullTime", "on")
                        .param("_dualQualified", "on"))
                .andExpect(status().is3xxRedirection());
        long id = count("SELECT id FROM staff WHERE school_id = " + school + " AND staff_number = 'C8'");
        assertThat(jdbc.sql("SELECT category FROM staff WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("SUPPORT");
        assertThat(page("/organisation/staff/" + id, session)).contains("教辅人员");
        assertThat(page("/organisation/staff/" + id + "?lang=en", session)).contains("Teaching support staff");
        assertThat(page("/organisation/staff?school=" + code + "&category=SUPPORT", session))
                .contains("实验员甲")
                .doesNotContain("旧客户端");
        assertThat(page("/organisation/staff/" + id + "/edit", session))
                .contains("value=\"SUPPORT\" selected=\"selected\"");
    }

    private double share() throws Exception {
        return ((Number) JsonPath.read(indicators(code), SHARE)).doubleValue();
    }

    /** The share from the records: dual-qualified full-time teachers / full-time teachers, four places. */
    private double expected() {
        long teachers = count("SELECT COUNT(*) FROM staff WHERE school_id = " + school
                + " AND category = 'TEACHER' AND full_time = TRUE");
        long dual = count("SELECT COUNT(*) FROM staff WHERE school_id = " + school
                + " AND category = 'TEACHER' AND full_time = TRUE AND dual_qualified = TRUE");
        return Math.round(10_000.0 * dual / teachers) / 10_000.0;
    }

    private String indicators(String schoolCode) throws Exception {
        return mvc.perform(get("/api/v1/indicators")
                        .param("school", schoolCode)
                        .param("year", "2025")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String page(String path, org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private ResultActions create(String number, String category, boolean fullTime, boolean dual) throws Exception {
        return mvc.perform(post("/api/v1/staff")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(number, category, fullTime, dual)));
    }

    private String body(String number, String category, boolean fullTime, boolean dual) {
        return "{\"schoolCode\":\"" + code + "\",\"staffNumber\":\"" + number + "\",\"name\":\"类别" + number
                + "\",\"category\":\"" + category + "\",\"fullTime\":" + fullTime + ",\"dualQualified\":" + dual + "}";
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
