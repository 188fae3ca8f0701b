package org.craftline.internships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Placements under the 2021 rules through the API: each rule refused (and audited) or warned, the
 * warnings accepted only by an administrator with a reason; the enterprise reads its own unit's
 * interns only, the student its own; versions guard concurrent changes; a cover gap puts a
 * placement at risk.
 */
@PostgresTest
class InternshipsIT {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final JsonMapper JSON = new JsonMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    InternshipFixture fx;
    String adult;
    String minor;
    long unit;

    @BeforeEach
    void setUp() {
        fx = new InternshipFixture(jdbc);
        adult = fx.student(fx.schoolId, "A", LocalDate.of(2008, 1, 15), 2025);
        minor = fx.student(fx.schoolId, "M", LocalDate.of(2010, 5, 1), 2025);
        unit = fx.enterprise("U", 100);
    }

    @AfterEach
    void cleanUp() {
        fx.cleanUp();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** A placement that keeps every rule: spring term 2027, five days of eight hours, paid the post's wage. */
    Map<String, Object> plan(String student) {
        return fx.plan(student, unit);
    }

    ResultActions create(String username, Map<String, Object> plan, boolean agreement, boolean consent)
            throws Exception {
        var request = multipart("/api/v1/internships")
                .file(new MockMultipartFile(
                        "placement", "", MediaType.APPLICATION_JSON_VALUE, JSON.writeValueAsBytes(plan)));
        if (agreement) {
            request.file(new MockMultipartFile("agreement", "协议.pdf", "application/pdf", PDF));
        }
        if (consent) {
            request.file(new MockMultipartFile("consent", "同意书.pdf", "application/pdf", PDF));
        }
        return mvc.perform(request.with(as(username)).accept(MediaType.APPLICATION_JSON));
    }

    long created(ResultActions result) throws Exception {
        String body =
                result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    List<String> refusedFields(ResultActions result) throws Exception {
        String body = result.andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.errors[*].field");
    }

    @Test
    void aPlacementThatKeepsTheRulesIsRecordedWithItsAgreementAndHistory() throws Exception {
        long id = created(create(TestUsers.SCHOOL_ADMIN, plan(adult), true, false)
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.matched").value(true))
                .andExpect(jsonPath("$.minor").value(false))
                .andExpect(jsonPath("$.atRisk").value(false))
                .andExpect(jsonPath("$.agreementName").value("协议.pdf")));
        mvc.perform(get("/api/v1/internships/" + id + "/history").with(as(TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("PLANNED"));
        mvc.perform(get("/api/v1/internships/" + id + "/agreement").with(as(TestUsers.STAFF)))
                .andExpect(status().isOk());
        // the bureau reads, never writes
        mvc.perform(get("/api/v1/internships/" + id).with(as(TestUsers.BUREAU)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mentorPhone").value("138****1234"));
        create(TestUsers.BUREAU, plan(minor), true, true).andExpect(status().isForbidden());
    }

    @Test
    void eachProhibitionIsRefusedWithItsRuleNamedAndTheAttemptAudited() throws Exception {
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("hoursPerDay", List.of("hoursPerDay", "9"));
        cases.put("daysPerWeek", List.of("daysPerWeek", "6"));
        cases.put("nightShifts", List.of("nightShifts", "true"));
        cases.put("overtime", List.of("overtime", "true"));
        cases.put("publicHolidays", List.of("publicHolidays", "true"));
        cases.put("insuredTo", List.of("insuredTo", "2027-06-29"));
        cases.forEach((field, change) -> {
            Map<String, Object> p = plan(adult);
            p.put(change.get(0), parse(change.get(1)));
            try {
                assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, p, true, false)))
                        .as(field)
                        .contains(field);
            } catch (Exception e) {
                throw new AssertionError(field, e);
            }
        });
        assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, plan(adult), false, false)))
                .contains("agreement");
        long refusals = jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'REFUSE'"
                        + " AND entity_type = 'internship' AND entity_key = :n")
                .param("n", adult)
                .query(Long.class)
                .single();
        assertThat(refusals).isEqualTo(cases.size() + 1);
        assertThat(count("internship WHERE student_id = " + fx.studentId(adult)))
                .isZero();
    }

    @Test
    void theStudentsAgeYearAndOtherPlacementsAreChecked() throws Exception {
        String firstYear = fx.student(fx.schoolId, "F", LocalDate.of(2009, 1, 1), 2026);
        String young = fx.student(fx.schoolId, "Y", LocalDate.of(2011, 6, 1), 2025);
        assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, plan(firstYear), true, false)))
                .containsExactly("kind");
        Map<String, Object> look = plan(firstYear);
        look.put("kind", "COGNITIVE");
        created(create(TestUsers.SCHOOL_ADMIN, look, true, false)); // a first-year student may visit
        assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, plan(young), true, true)))
                .contains("studentNumber");
        // a minor needs the guardian's name and signed consent
        assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, plan(minor), true, false)))
                .containsExactlyInAnyOrder("consent", "guardianName");
        Map<String, Object> withGuardian = plan(minor);
        withGuardian.put("guardianName", InternshipFixture.GUARDIAN);
        created(create(TestUsers.SCHOOL_ADMIN, withGuardian, true, true)
                .andExpect(jsonPath("$.minor").value(true))
                .andExpect(jsonPath("$.guardianName").value(InternshipFixture.GUARDIAN)));
        // and no second placement in the same weeks
        Map<String, Object> overlapping = plan(minor);
        overlapping.put("guardianName", InternshipFixture.GUARDIAN);
        overlapping.put("startsOn", "2027-06-01");
        overlapping.put("endsOn", "2027-07-31");
        overlapping.put("insuredTo", "2027-07-31");
        assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, overlapping, true, true)))
                .containsExactly("startsOn");
    }

    @Test
    void warningsAreAcceptedOnlyByAnAdministratorWithAReason() throws Exception {
        Map<String, Object> lowPay = plan(adult);
        lowPay.put("monthlyPay", 2000); // under 80% of 2,800
        assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, lowPay, true, false)))
                .containsExactly("monthlyPay");
        lowPay.put("acceptWarnings", true);
        lowPay.put("acceptanceReason", "");
        assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, lowPay, true, false)))
                .containsExactly("monthlyPay");
        lowPay.put("acceptanceReason", "包食宿，折算后不低于 80%");
        assertThat(refusedFields(create(TestUsers.STAFF, lowPay, true, false))).containsExactly("acceptWarnings");
        long id = created(create(TestUsers.SCHOOL_ADMIN, lowPay, true, false)
                .andExpect(jsonPath("$.acceptedWarnings").value("PAY"))
                .andExpect(jsonPath("$.acceptanceReason").value("包食宿，折算后不低于 80%")));
        String audited = jdbc.sql("SELECT after_json FROM audit_event WHERE action = 'CREATE'"
                        + " AND entity_type = 'internship' AND entity_key = :id")
                .param("id", String.valueOf(id))
                .query(String.class)
                .single();
        assertThat(audited).contains("PAY").contains("包食宿").doesNotContain("13800001234");
    }

    @Test
    void theUnitsAndThePostsShareOfInternsIsChecked() throws Exception {
        long small = fx.enterprise("S", 10); // one intern is 10%: a second is over
        long unknown = fx.enterprise("N", null);
        Map<String, Object> first = plan(adult);
        first.put("enterpriseId", small);
        created(create(TestUsers.SCHOOL_ADMIN, first, true, false));
        Map<String, Object> second = plan(minor);
        second.put("enterpriseId", small);
        second.put("guardianName", InternshipFixture.GUARDIAN);
        assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, second, true, true)))
                .containsExactly("enterpriseId");
        second.put("enterpriseId", unknown);
        second.put("postHeadcount", 4); // one intern in a post of four is 25%
        assertThat(refusedFields(create(TestUsers.SCHOOL_ADMIN, second, true, true)))
                .containsExactlyInAnyOrder("enterpriseId", "postHeadcount");
    }

    @Test
    void theEnterpriseSeesItsOwnUnitsInternsAndTheStudentItsOwn() throws Exception {
        long id = created(create(TestUsers.SCHOOL_ADMIN, plan(adult), true, false));
        long other = fx.enterprise("O", 100);
        String mine = fx.user("ENTERPRISE", fx.schoolId, unit, null);
        String theirs = fx.user("ENTERPRISE", fx.schoolId, other, null);
        String student = fx.user("STUDENT", fx.schoolId, null, fx.studentId(adult));
        String classmate = fx.user("STUDENT", fx.schoolId, null, fx.studentId(minor));
        mvc.perform(get("/api/v1/internships/" + id).with(as(mine)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mentorPhone").value("13800001234"))
                .andExpect(jsonPath("$.guardianName").doesNotExist());
        mvc.perform(get("/api/v1/internships").with(as(mine)))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/internships/" + id).with(as(theirs))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/internships/" + id + "/agreement").with(as(theirs)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/internships").with(as(theirs)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/internships/" + id).with(as(student))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/internships/" + id).with(as(classmate))).andExpect(status().isNotFound());
        // neither changes the placement
        mvc.perform(post("/api/v1/internships/" + id + "/status")
                        .with(as(mine))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"IN_PROGRESS\",\"on\":\"2027-03-01\",\"version\":0}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/internships/" + id + "/status")
                        .with(as(student))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"IN_PROGRESS\",\"on\":\"2027-03-01\",\"version\":0}"))
                .andExpect(status().isForbidden());
        // another school's teacher cannot find it
        mvc.perform(get("/api/v1/internships/" + id).with(as(fx.user("STAFF", fx.otherSchoolId, null, null))))
                .andExpect(status().isNotFound());
    }

    @Test
    void statusesMoveForwardWithHistoryAndStaleChangesAreRefused() throws Exception {
        long id = created(create(TestUsers.SCHOOL_ADMIN, plan(adult), true, false));
        changeStatus(id, "{\"status\":\"IN_PROGRESS\",\"on\":\"2027-03-01\",\"version\":0}")
                .andExpect(status().isOk());
        changeStatus(id, "{\"status\":\"IN_PROGRESS\",\"on\":\"2027-03-01\",\"version\":0}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(1));
        changeStatus(id, "{\"status\":\"ENDED_EARLY\",\"on\":\"2027-04-01\",\"version\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        changeStatus(id, "{\"status\":\"ENDED_EARLY\",\"on\":\"2027-04-01\",\"reason\":\"家庭原因\",\"version\":1}")
                .andExpect(jsonPath("$.status").value("ENDED_EARLY"))
                .andExpect(jsonPath("$.endedOn").value("2027-04-01"));
        mvc.perform(get("/api/v1/internships/" + id + "/history").with(as(TestUsers.STAFF)))
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[2].reason").value("家庭原因"));
        // the weeks it no longer uses are free for another placement
        Map<String, Object> next = plan(adult);
        next.put("startsOn", "2027-05-01");
        next.put("insuredFrom", "2027-05-01");
        created(create(TestUsers.SCHOOL_ADMIN, next, true, false));
    }

    @Test
    void aCoverThatEndsBeforeThePlacementPutsItAtRisk() throws Exception {
        long id = created(create(TestUsers.SCHOOL_ADMIN, plan(adult), true, false));
        mvc.perform(put("/api/v1/internships/" + id + "/cover")
                        .with(as(TestUsers.STAFF))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"insurer\":\"中国人寿\",\"policyNumber\":\"P-2027-001\",\"insuredFrom\":\"2027-03-01\","
                                + "\"insuredTo\":\"2027-05-31\",\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.atRisk").value(true));
        mvc.perform(get("/api/v1/internships?atRisk=true&q=" + adult).with(as(TestUsers.STAFF)))
                .andExpect(jsonPath("$.total").value(1));
        // a change of plan is checked again: the gap is refused there
        String current = mvc.perform(get("/api/v1/internships/" + id).with(as(TestUsers.STAFF)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Map<String, Object> again = plan(adult);
        again.put("insuredTo", "2027-05-31");
        again.put("version", JsonPath.read(current, "$.version"));
        mvc.perform(put("/api/v1/internships/" + id)
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(again)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("insuredTo"));
    }

    ResultActions changeStatus(long id, String body) throws Exception {
        return mvc.perform(post("/api/v1/internships/" + id + "/status")
                .with(as(TestUsers.STAFF))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long count(String fromWhere) {
        return jdbc.sql("SELECT COUNT(*) FROM " + fromWhere).query(Long.class).single();
    }

    static Object parse(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        return value.matches("\\d+") ? Integer.valueOf(value) : value;
    }
}
