package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.support.BoundUsers;
import org.craftline.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The employer survey end to end on a school of its own: the units employing the year's graduates
 * at their latest destination are asked; a unit answers once on its portal and cannot reach
 * another's request; another answers once through its personal link, which refuses a changed token;
 * the figures are checked against hand-computed means.
 *
 * <pre>
 * school ES, graduates of 2019 (latest destination): g1 g2 at 单位一, g3 at 单位二, g4 at an unregistered
 * employer, g5 unemployed; g6 at 单位三 six months on, then at 单位二 (latest). Asked: 单位一 (2), 单位二 (2).
 * 单位一 rates skills 4, attitude 5, hire again; 单位二 by link skills 2, attitude 3, not again.
 * Means: skills 3.0, attitude 4.0, hire again 1 of 2.
 * </pre>
 *
 * Run on PostgreSQL ({@link EmployerSurveysIT}) and on the embedded H2 ({@link EmployerSurveysH2Test}).
 */
abstract class EmployerSurveysChecks {

    static final String CODE = "4141099088";
    static final Pattern LINK = Pattern.compile("/public/employer-rating/([A-Za-z0-9_-]{32})");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long school;
    long[] units = new long[3];
    String unitUser;

    @BeforeEach
    void school() {
        remove();
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT :c, '评价测试学校', id, 2000 FROM region WHERE code = '411324'")
                .param("c", CODE)
                .update();
        school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", CODE)
                .query(Long.class)
                .single();
        for (int i = 0; i < 3; i++) {
            String name = "评价测试单位" + "一二三".charAt(i);
            jdbc.sql("INSERT INTO enterprise (name, industry, region_id, size_band)"
                            + " SELECT :n, 'JADE_CARVING', id, 'SMALL' FROM region WHERE code = '411324'")
                    .param("n", name)
                    .update();
            units[i] = jdbc.sql("SELECT id FROM enterprise WHERE name = :n")
                    .param("n", name)
                    .query(Long.class)
                    .single();
        }
        graduate("g1", units[0], null, "EMPLOYED", "YEAR_1", true);
        graduate("g2", units[0], null, "EMPLOYED", "YEAR_1", true);
        graduate("g3", units[1], null, "EMPLOYED", "YEAR_1", true);
        graduate("g4", null, "某个体作坊", "EMPLOYED", "YEAR_1", true);
        graduate("g5", null, null, "UNEMPLOYED", "YEAR_1", true);
        long g6 = graduate("g6", units[2], null, "EMPLOYED", "MONTHS_6", false);
        destination(g6, units[1], null, "EMPLOYED", "YEAR_1", true);
        unitUser = BoundUsers.insert(jdbc, "es", "u", "ENTERPRISE", null, units[0], null);
    }

    @AfterEach
    void remove() {
        String mine = "(SELECT id FROM school WHERE code = '" + CODE + "')";
        jdbc.sql("DELETE FROM app_user WHERE username LIKE 'esenterprise%'").update();
        jdbc.sql("DELETE FROM employer_rating WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM employer_survey WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM destination WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM student WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM school WHERE id IN " + mine).update();
        jdbc.sql("DELETE FROM enterprise WHERE name LIKE '评价测试单位%'").update();
    }

    @Test
    void theUnitsOfTheYearRateTheirGraduatesOnceOnThePortalOrByLink() throws Exception {
        long survey = open(2019)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.units").value(2))
                .andExpect(jsonPath("$.answered").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll(".*\"id\":(\\d+).*", "$1")
                .transform(Long::parseLong);
        open(2019).andExpect(status().isBadRequest());
        open(2018).andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT graduates FROM employer_rating WHERE survey_id = :s ORDER BY enterprise_id")
                        .param("s", survey)
                        .query(Integer.class)
                        .list())
                .containsExactly(2, 2);

        // the unit's user is told, and finds its request on the portal
        var unit = user(users.loadUserByUsername(unitUser));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                                + " WHERE u.username = :u AND n.kind = 'EMPLOYER_SURVEY'")
                        .param("u", unitUser)
                        .query(Integer.class)
                        .single())
                .isOne();
        mvc.perform(get("/api/v1/me/employer-ratings").with(unit))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].graduates").value(2))
                .andExpect(jsonPath("$[0].schoolName").value("评价测试学校"));
        long mine = rating(survey, units[0]);
        long theirs = rating(survey, units[1]);
        mvc.perform(get("/employer-ratings").with(unit))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("评价测试学校")));
        mvc.perform(rate(put("/api/v1/me/employer-ratings/" + theirs).with(unit), 4, 5, true))
                .andExpect(status().isNotFound());
        mvc.perform(rate(put("/api/v1/me/employer-ratings/" + mine).with(unit), 6, 5, true))
                .andExpect(status().isBadRequest());
        mvc.perform(rate(put("/api/v1/me/employer-ratings/" + mine).with(unit), 4, 5, true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.skills").value(4))
                .andExpect(jsonPath("$.hireAgain").value(true));
        mvc.perform(rate(put("/api/v1/me/employer-ratings/" + mine).with(unit), 1, 1, false))
                .andExpect(status().isBadRequest());

        // the unanswered unit's link: a changed one is not found, the real one answers once
        String csv = mvc.perform(get("/graduates/employer-surveys/" + survey + "/links.csv")
                        .with(operator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("评价测试单位二").doesNotContain("评价测试单位一");
        Matcher link = LINK.matcher(csv);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        String changed = token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
        mvc.perform(get("/public/employer-rating/" + changed)).andExpect(status().isNotFound());
        mvc.perform(get("/public/employer-rating/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("评价测试学校")))
                // a year is a year, not a number with a thousands separator
                .andExpect(content().string(Matchers.containsString("2019 届")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
        mvc.perform(post("/public/employer-rating/" + token)
                        .with(csrf())
                        .param("skills", "2")
                        .param("attitude", "3")
                        .param("hireAgain", "false"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/public/employer-rating/" + token)
                        .with(csrf())
                        .param("skills", "5")
                        .param("attitude", "5")
                        .param("hireAgain", "true"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT skills FROM employer_rating WHERE id = :id")
                        .param("id", theirs)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // the figures: hand-computed means of the two answers
        mvc.perform(get("/api/v1/indicators/employer-ratings")
                        .param("school", CODE)
                        .param("year", "2019")
                        .with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units").value(2))
                .andExpect(jsonPath("$.answered").value(2))
                .andExpect(jsonPath("$.skills").value(3.0))
                .andExpect(jsonPath("$.attitude").value(4.0))
                .andExpect(jsonPath("$.hireAgain").value(1));
        mvc.perform(get("/graduates/employer-surveys/" + survey).with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("评价测试单位二")));
        mvc.perform(get("/graduates")
                        .param("school", CODE)
                        .param("year", "2019")
                        .with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("3.0")));
        // another school's teacher does not see the survey
        mvc.perform(get("/api/v1/employer-surveys/" + survey).with(user(users.loadUserByUsername(TestUsers.STAFF))))
                .andExpect(status().isNotFound());
    }

    private ResultActions open(int year) throws Exception {
        return mvc.perform(post("/api/v1/employer-surveys")
                .with(operator())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"graduationYear\": " + year + ", \"closesOn\": \""
                        + LocalDate.now().plusDays(30) + "\", \"schoolCode\": \"" + CODE + "\"}"));
    }

    private static MockHttpServletRequestBuilder rate(
            MockHttpServletRequestBuilder request, int skills, int attitude, boolean again) {
        return request.contentType(MediaType.APPLICATION_JSON)
                .content("{\"skills\": " + skills + ", \"attitude\": " + attitude + ", \"hireAgain\": " + again + "}");
    }

    private long rating(long survey, long unit) {
        return jdbc.sql("SELECT id FROM employer_rating WHERE survey_id = :s AND enterprise_id = :e")
                .param("s", survey)
                .param("e", unit)
                .query(Long.class)
                .single();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor operator() {
        return user(users.loadUserByUsername(TestUsers.ADMIN));
    }

    private long graduate(String tag, Long unit, String employer, String kind, String point, boolean latest) {
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                               major_id, entry_year, status, graduation_year)
                        SELECT :school, :n, '评价生', '11010520030101002X', 'FEMALE', DATE '2003-01-01', 'RURAL', m.id,
                               2016, 'GRADUATED', 2019 FROM major m WHERE m.code = '750107'
                        """).param("school", school).param("n", "ES-" + tag).update();
        long id = jdbc.sql("SELECT id FROM student WHERE school_id = :school AND student_number = :n")
                .param("school", school)
                .param("n", "ES-" + tag)
                .query(Long.class)
                .single();
        destination(id, unit, employer, kind, point, latest);
        return id;
    }

    private void destination(long student, Long unit, String employer, String kind, String point, boolean latest) {
        jdbc.sql("""
                        INSERT INTO destination (student_id, school_id, graduation_year, follow_up, follow_up_rank, recorded_on,
                               kind, enterprise_id, employer_name, local_job, matched, source, confirmed, latest)
                        VALUES (:s, :school, 2019, :p, :rank, DATE '2020-06-01', :kind, :unit, :employer, TRUE, TRUE,
                               'SCHOOL', TRUE, :latest)
                        """)
                .param("s", student)
                .param("school", school)
                .param("p", point)
                .param("rank", List.of("AT_GRADUATION", "MONTHS_6", "YEAR_1").indexOf(point))
                .param("kind", kind)
                .param("unit", unit)
                .param("employer", employer)
                .param("latest", latest)
                .update();
    }
}
