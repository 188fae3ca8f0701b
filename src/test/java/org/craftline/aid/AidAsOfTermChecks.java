package org.craftline.aid;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.craftline.shared.Term;
import org.craftline.support.ImportFiles;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Eligibility as of the term (issue 19): a student's status, major and year of study are those of the
 * term's first day (or of the day it came in during the term), read from the status history; full-time
 * and formal status (a 学籍号, or the first term) are required. Changes made through the status-change
 * API after a past term (转专业, 留级, 退学) leave that term as it was, for the list, a decision and the
 * aid-recipients import; students of hand-written histories cover the part-time, the unregistered and
 * the spring intake.
 *
 * <p>Run on PostgreSQL ({@link AidAsOfTermIT}) and on the embedded H2 ({@link AidAsOfTermH2Test}).
 */
abstract class AidAsOfTermChecks {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    /** Starts with a digit: a search for "AD" + tag is a student-number search (shared.TextSearch). */
    final String tag = "1" + UUID.randomUUID().toString().replace("-", "").substring(0, 7);

    AidFixture fixture;
    /** The term today is in, and the autumn term before it, which the changes below come after. */
    final Term current = Term.of(LocalDate.now());

    final Term past = new Term(current.startYear() - 1, 1);
    /** The first day after the past term: not after today. */
    final String afterPast = past.end().plusDays(1).toString();

    @BeforeEach
    void aSchool() {
        long school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        fixture = new AidFixture(jdbc, tag, school);
    }

    @AfterEach
    void remove() {
        fixture.remove();
    }

    @Test
    void aChangeOfMajorAfterAPastTermLeavesThatTermsGrant() throws Exception {
        enrolled("MAJ", "URBAN", fixture.agriculture, past.startYear());
        fixture.offer(fixture.plain);
        String plainCode = majorCode(fixture.plain);
        change("MAJ", "CHANGE_MAJOR", "\"majorCode\":\"" + plainCode + "\"").andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT from_major_id FROM student_status_change WHERE kind = 'CHANGE_MAJOR'"
                                + " AND student_id = :s")
                        .param("s", fixture.students.get("MAJ"))
                        .query(Long.class)
                        .single())
                .isEqualTo(fixture.agriculture);
        Map<String, Object> then = eligibility(past, "ALL").get("MAJ");
        assertThat(then)
                .containsEntry("grantEligible", true)
                .containsEntry("majorCode", majorCode(fixture.agriculture));
        Map<String, Object> now = eligibility(current, "ALL").get("MAJ");
        assertThat(now).containsEntry("grantEligible", false).containsEntry("majorCode", plainCode);
        decide("MAJ", past, false, "TIER2").andExpect(status().isOk());
        decide("MAJ", current, false, "TIER2")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grantTier"));
        // the import reads the same: the past term's grant passes, the present one's is refused
        upload("学号,学期,免学费,国家助学金档次", fixture.number("MAJ") + "," + past + ",是,一档")
                .andExpect(status().isOk());
        upload("学号,学期,免学费,国家助学金档次", fixture.number("MAJ") + "," + current + ",否,一档")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("国家助学金档次"));
    }

    @Test
    void aRepeatedYearLeavesThePastTermsYearOfStudy() throws Exception {
        enrolled("REP", "RURAL", fixture.plain, past.startYear() - 1);
        change("REP", "REPEAT_YEAR", "").andExpect(status().isOk());
        assertThat(eligibility(past, "ALL").get("REP"))
                .containsEntry("studyYear", 2)
                .containsEntry("asOf", past.start().toString());
        // from the change on, of the later entry year: in year 1 again
        assertThat(eligibility(past.next(), "ALL").get("REP")).containsEntry("studyYear", 1);
        assertThat(eligibility(current, "ALL").get("REP")).containsEntry("studyYear", 2);
    }

    @Test
    void aStudentWhoLeftStaysInThePastTermAndItsDecisionIsTaken() throws Exception {
        enrolled("WD", "RURAL", fixture.plain, past.startYear());
        change("WD", "WITHDRAW", "\"document\":\"退学申请 1\"").andExpect(status().isOk());
        assertThat(eligibility(past, "ELIGIBLE").get("WD")).containsEntry("waiverEligible", true);
        assertThat(eligibility(current, "ALL")).doesNotContainKey("WD");
        decide("WD", past, true, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.waiver").value(true));
        decide("WD", current, true, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("waiver"));
    }

    @Test
    void aPartTimeStudentHasNoAidAndTheListSaysWhy() throws Exception {
        Term term = Term.parse(AidFixture.TERM);
        fixture.student("PT", "RURAL", fixture.agriculture, AidFixture.START, "ENROLLED", term.start());
        set("PT", "full_time = FALSE");
        assertThat(eligibility(term, "ELIGIBLE")).doesNotContainKey("PT");
        assertThat(eligibility(term, "ALL").get("PT"))
                .containsEntry("waiverEligible", false)
                .containsEntry("grantEligible", false)
                .containsEntry("notEligibleReasons", List.of("PART_TIME"));
        decide("PT", term, true, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("waiver"));
    }

    @Test
    void aStudentWithoutANationalNumberIsEligibleInItsFirstTermOnly() throws Exception {
        Term first = Term.parse(AidFixture.TERM);
        fixture.student("NR", "RURAL", fixture.plain, AidFixture.START, "ENROLLED", first.start());
        set("NR", "national_number = NULL");
        assertThat(eligibility(first, "ALL").get("NR"))
                .containsEntry("waiverEligible", true)
                .containsEntry("firstTerm", true)
                .containsEntry("registered", false)
                .containsEntry("notEligibleReasons", List.of());
        assertThat(eligibility(first.next(), "ALL").get("NR"))
                .containsEntry("waiverEligible", false)
                .containsEntry("notEligibleReasons", List.of("NOT_REGISTERED"));
        String page = mvc.perform(get("/aid")
                        .param("term", first.next().toString())
                        .param("show", "ALL")
                        .param("q", fixture.number("NR"))
                        .with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("无学籍号");
    }

    @Test
    void aSpringIntakeIsInTheSpringTermItCameIn() throws Exception {
        Term autumn = Term.parse(AidFixture.TERM);
        LocalDate march = LocalDate.of(AidFixture.START + 1, 3, 10);
        fixture.student("SP", "RURAL", fixture.plain, AidFixture.START + 1, "ENROLLED", march);
        assertThat(eligibility(autumn, "ALL")).doesNotContainKey("SP");
        assertThat(eligibility(autumn.next(), "ELIGIBLE").get("SP"))
                .containsEntry("studyYear", 1)
                .containsEntry("asOf", march.toString())
                .containsEntry("waiverEligible", true);
    }

    /** A student enrolled on 1 September of the entry year, as the form enrols one. */
    private void enrolled(String name, String household, long major, int entryYear) {
        fixture.student(name, household, major, entryYear, "ENROLLED", LocalDate.of(entryYear, 9, 1));
    }

    private void set(String name, String assignment) {
        jdbc.sql("UPDATE student SET " + assignment + " WHERE id = :id")
                .param("id", fixture.students.get(name))
                .update();
    }

    private String majorCode(long id) {
        return jdbc.sql("SELECT code FROM major WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** A change through the API on the first day after the past term. */
    private ResultActions change(String name, String change, String more) throws Exception {
        long id = fixture.students.get(name);
        int version = jdbc.sql("SELECT version FROM student WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        return mvc.perform(post("/api/v1/students/{id}/status", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"change\":\"" + change + "\",\"changedOn\":\"" + afterPast + "\",\"reason\":\"测试\","
                        + (more.isEmpty() ? "" : more + ",") + "\"version\":" + version + "}")
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    /** The fixture's students in the term's list, by name, each as the API answers it. */
    private Map<String, Map<String, Object>> eligibility(Term term, String show) throws Exception {
        String body = mvc.perform(get("/api/v1/aid/eligibility")
                        .param("term", term.toString())
                        .param("q", "AD" + tag)
                        .param("show", show)
                        .param("size", "100")
                        .with(as(TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> items = JsonPath.read(body, "$.items");
        Map<String, Map<String, Object>> result = new TreeMap<>();
        items.forEach(item -> result.put(((String) item.get("studentNumber")).substring(2 + tag.length()), item));
        return result;
    }

    private ResultActions decide(String name, Term term, boolean waiver, String tier) throws Exception {
        long id = fixture.students.get(name);
        Integer version = jdbc.sql("SELECT version FROM aid_decision WHERE student_id = :s AND term = :t")
                .param("s", id)
                .param("t", term.toString())
                .query(Integer.class)
                .optional()
                .orElse(0);
        return mvc.perform(put("/api/v1/aid/decisions")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentNumber\":\"" + fixture.number(name) + "\",\"term\":\"" + term + "\",\"waiver\":"
                        + waiver + ",\"grantTier\":" + (tier == null ? "null" : "\"" + tier + "\"") + ",\"version\":"
                        + version + "}")
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    private ResultActions upload(String header, String row) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/aid-recipients")
                .file(ImportFiles.csv("aid-recipients.csv", List.of(header, row), StandardCharsets.UTF_8))
                .param("dryRun", "false")
                .header("Accept-Language", "zh-CN")
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
