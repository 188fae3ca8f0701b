package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The employment office graduates a class and records destinations on pages, not only through the API. */
@PostgresTest
class GraduationPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void graduatingChosenStudentsSaysHowManyBeforeItCommits() throws Exception {
        MockHttpSession office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        long classId = jdbc.sql("SELECT c.id FROM school_class c JOIN school s ON s.id = c.school_id"
                        + " WHERE s.code = :code AND c.entry_year = 2024 ORDER BY c.id DESC FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("SELECT id FROM student WHERE class_id = :c AND status = 'ENROLLED' ORDER BY id"
                        + " FETCH FIRST 2 ROWS ONLY")
                .param("c", classId)
                .query(Long.class)
                .list();
        assertThat(page(get("/graduates/graduations/new").param("classId", String.valueOf(classId)), office))
                .contains("name=\"studentIds\"");
        int year = LocalDate.now().getYear();
        String confirm = page(
                post("/graduates/graduations/preview")
                        .param("classId", String.valueOf(classId))
                        .param("year", String.valueOf(year))
                        .param("studentIds", String.valueOf(ids.get(0)), String.valueOf(ids.get(1))),
                office);
        assertThat(confirm).contains("将 2 名学生登记为 " + year + " 届毕业生？").contains("id=\"graduation-checks\"");
        // whoever fails the graduation check is graduated here by the office's override, with its reason
        mvc.perform(post("/graduates/graduations")
                        .session(office)
                        .with(csrf())
                        .param("classId", String.valueOf(classId))
                        .param("year", String.valueOf(year))
                        .param("studentIds", String.valueOf(ids.get(0)), String.valueOf(ids.get(1)))
                        .param("overrides", String.valueOf(ids.get(0)), String.valueOf(ids.get(1)))
                        .param("overrideReason", "毕业条件经教务处复核"))
                .andExpect(redirectedUrl("/graduates?year=" + year))
                .andExpect(flash().attribute("flashArg", 2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM student WHERE id IN (:ids) AND status = 'GRADUATED'"
                                + " AND graduation_year = :y")
                        .param("ids", ids)
                        .param("y", year)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        MockHttpSession teacher = Sessions.login(mvc, TestUsers.STAFF);
        mvc.perform(get("/graduates/graduations/new").session(teacher)).andExpect(status().isForbidden());
    }

    @Test
    void theGridRecordsEachRowByTheRulesAndKeepsWhatItRefused() throws Exception {
        MockHttpSession office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        List<Long> graduates = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :c AND s.graduation_year = 2020 ORDER BY s.student_number"
                        + " FETCH FIRST 2 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .list();
        String jade = jdbc.sql("SELECT e.credit_code FROM enterprise e JOIN region r ON r.id = e.region_id"
                        + " WHERE r.code = '411324' AND e.industry = 'JADE_CARVING' AND e.credit_code IS NOT NULL"
                        + " ORDER BY e.id FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
        String grid = page(get("/graduates/destinations").param("year", "2020"), office);
        assertThat(grid).contains("rows[0].kind").contains("list=\"enterprise-options\"");
        String refused = page(
                post("/graduates/destinations")
                        .param("year", "2020")
                        .param("point", "YEAR_3")
                        .param("recordedOn", "2023-07-01")
                        .param("rows[0].studentId", String.valueOf(graduates.get(0)))
                        .param("rows[0].kind", "EMPLOYED")
                        .param("rows[0].employer", jade)
                        .param("rows[0].position", "玉雕师")
                        .param("rows[0].version", version(graduates.get(0), "YEAR_3"))
                        .param("rows[1].studentId", String.valueOf(graduates.get(1)))
                        .param("rows[1].kind", "EMPLOYED")
                        .param("rows[1].employer", "91411324MA0000000X")
                        .param("rows[1].position", "学徒")
                        .param("rows[1].version", version(graduates.get(1), "YEAR_3")),
                office);
        assertThat(refused).contains("部分行未能保存").contains("value=\"91411324MA0000000X\"");
        var saved = jdbc.sql(
                        "SELECT matched, local_job FROM destination WHERE student_id = :s AND follow_up = 'YEAR_3'")
                .param("s", graduates.get(0))
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2)))
                .single();
        assertThat(saved)
                .as("a county jade workshop: matched for a jade major? local, by rule")
                .element(1)
                .isEqualTo(true);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM destination WHERE student_id = :s AND follow_up = 'YEAR_3'"
                                + " AND position = '学徒'")
                        .param("s", graduates.get(1))
                        .query(Long.class)
                        .single())
                .as("the refused row wrote nothing")
                .isZero();
        String options =
                page(get("/graduates/enterprise-options").param("rows[4].employer", jade.substring(0, 17)), office);
        assertThat(options).contains("<option").contains(jade);
        MockHttpSession teacher = Sessions.login(mvc, TestUsers.STAFF);
        assertThat(page(get("/graduates/destinations").param("year", "2020"), teacher))
                .as("a teacher reads the grid without inputs")
                .doesNotContain("rows[0].kind");
    }

    private String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String version(long student, String point) {
        return String.valueOf(StoredVersions.destination(jdbc, student, point));
    }
}
