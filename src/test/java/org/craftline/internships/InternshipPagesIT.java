package org.craftline.internships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The placement pages as the school, the enterprise and the student use them: a broken rule shows
 * at its field in the form with the rule named; a kept one is saved and shown; each role's list
 * holds only what it reaches.
 */
@PostgresTest
class InternshipPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    InternshipFixture fx;
    String student;
    long unit;

    @BeforeEach
    void setUp() {
        fx = new InternshipFixture(jdbc);
        student = fx.student(fx.schoolId, "P", LocalDate.of(2008, 2, 1), 2025);
        unit = fx.enterprise("P", 50);
    }

    @AfterEach
    void cleanUp() {
        fx.cleanUp();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    MockMultipartHttpServletRequestBuilder form(String hoursPerDay) {
        return form("hoursPerDay", hoursPerDay);
    }

    /** The page's form filled with a placement that keeps every rule, but for the one field given. */
    MockMultipartHttpServletRequestBuilder form(String changed, String value) {
        var request = multipart("/internships");
        String[][] fields = {
            {"studentNumber", student},
            {"enterpriseId", String.valueOf(unit)},
            {"kind", "POST"},
            {"post", "地毯织工"},
            {"postHeadcount", "30"},
            {"startsOn", "2027-03-01"},
            {"endsOn", "2027-06-30"},
            {"supervisorNumber", fx.supervisor},
            {"mentorName", "张师傅"},
            {"mentorPhone", "139 0000 5678"},
            {"hoursPerDay", "8"},
            {"daysPerWeek", "5"},
            {"monthlyPay", "2800"},
            {"postWage", "3000"},
            {"insurer", "平安保险"},
            {"policyNumber", "PA-1"},
            {"insuredFrom", "2027-03-01"},
            {"insuredTo", "2027-06-30"}
        };
        for (String[] field : fields) {
            request.param(field[0], field[0].equals(changed) ? value : field[1]);
        }
        if (!java.util.Arrays.stream(fields).anyMatch(f -> f[0].equals(changed))) {
            request.param(changed, value);
        }
        return request;
    }

    @Test
    void theSchoolPlansAPlacementAndSeesABrokenRuleAtItsField() throws Exception {
        String refused = mvc.perform(form("10")
                        .file(new MockMultipartFile("agreement", "a.pdf", "application/pdf", InternshipsIT.PDF))
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("每天工作时间不得超过 8 小时").contains("is-invalid");
        // no agreement: named above the form, since the file is no field of the plan
        String noFile = mvc.perform(form("8").with(as(TestUsers.SCHOOL_ADMIN)).with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(noFile).contains("未签订三方实习协议的，不得安排实习");
        String location = mvc.perform(form("8")
                        .file(new MockMultipartFile("agreement", "a.pdf", "application/pdf", InternshipsIT.PDF))
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String page = mvc.perform(get(location).with(as(TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("地毯织工").contains("13900005678").contains("待开始");
        mvc.perform(get(location + "/edit").with(as(TestUsers.STAFF))).andExpect(status().isOk());
        mvc.perform(get(location + "/cover/edit").with(as(TestUsers.STAFF))).andExpect(status().isOk());
        // the teacher starts it from the placement's page
        mvc.perform(post(location + "/status")
                        .param("status", "IN_PROGRESS")
                        .param("on", "2027-03-01")
                        .param("version", "0")
                        .with(as(TestUsers.STAFF))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status FROM internship WHERE id = :id")
                        .param("id", Long.parseLong(location.substring(location.lastIndexOf('/') + 1)))
                        .query(String.class)
                        .single())
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void eachRolesListHoldsWhatItReaches() throws Exception {
        mvc.perform(form("8")
                        .file(new MockMultipartFile("agreement", "a.pdf", "application/pdf", InternshipsIT.PDF))
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String mine = fx.user("ENTERPRISE", fx.schoolId, unit, null);
        String theirs = fx.user("ENTERPRISE", fx.schoolId, fx.enterprise("Q", 50), null);
        String own = fx.user("STUDENT", fx.schoolId, null, fx.studentId(student));
        // the row names the student; the search box only repeats the number asked for
        assertThat(list(mine)).contains("实习生P").doesNotContain("登记实习");
        assertThat(list(theirs)).doesNotContain("实习生P");
        assertThat(list(own)).contains("实习生P");
        assertThat(list(TestUsers.BUREAU)).contains("实习生P").doesNotContain("登记实习");
        mvc.perform(get("/internships/new").with(as(mine))).andExpect(status().isForbidden());
        mvc.perform(get("/internships/new").with(as(own))).andExpect(status().isForbidden());
    }

    @Test
    void eachRuleIsNamedOnThePage() throws Exception {
        String young = fx.student(fx.schoolId, "Y", LocalDate.of(2011, 6, 1), 2025);
        String firstYear = fx.student(fx.schoolId, "F", LocalDate.of(2008, 6, 1), 2026);
        String[][] cases = {
            {"hoursPerDay", "9", "HOURS_PER_DAY"},
            {"daysPerWeek", "6", "HOURS_PER_WEEK"},
            {"nightShifts", "true", "NIGHT_SHIFTS"},
            {"overtime", "true", "OVERTIME"},
            {"publicHolidays", "true", "PUBLIC_HOLIDAYS"},
            {"insuredTo", "2027-06-01", "INSURANCE"},
            {"agreementEndsOn", "2027-06-01", "AGREEMENT_ENDS_EARLY"},
            {"monthlyPay", "1000", "PAY"},
            {"postHeadcount", "2", "POST_SHARE"},
            {"studentNumber", young, "UNDER_16"},
            {"studentNumber", firstYear, "FIRST_YEAR"}
        };
        for (String[] c : cases) {
            var request = form(c[0], c[1]);
            String page = mvc.perform(request.file(
                                    new MockMultipartFile("agreement", "a.pdf", "application/pdf", InternshipsIT.PDF))
                            .with(as(TestUsers.SCHOOL_ADMIN))
                            .with(csrf())
                            .locale(Locale.SIMPLIFIED_CHINESE))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            String message = messages.getMessage("internship.rule." + c[2], null, Locale.SIMPLIFIED_CHINESE);
            assertThat(page).as(c[2]).contains(org.springframework.web.util.HtmlUtils.htmlEscape(message));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM internship i JOIN student s ON s.id = i.student_id"
                                + " WHERE s.student_number LIKE :p")
                        .param("p", "IT" + fx.tag + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    String list(String username) throws Exception {
        return mvc.perform(get("/internships?q=" + student).with(as(username)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
