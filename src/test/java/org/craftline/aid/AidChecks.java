package org.craftline.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.craftline.support.BoundUsers;
import org.craftline.support.ImportFiles;
import org.craftline.support.Sessions;
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
 * Student aid on a hand-built fixture ({@link AidFixture}): exactly who is eligible for the waiver and
 * the grant; decisions refused outside eligibility and saved with a version; the ledger's reversal
 * (the sum after it, a second reversal refused, no path that changes or deletes an entry), bank cards
 * masked but for an audited reveal; tenancy (a teacher cannot write, another school does not see); the
 * imports' round trip; the bureau's roll-up.
 *
 * <p>Run on PostgreSQL ({@link AidIT}) and on the embedded H2 ({@link AidH2Test}).
 */
abstract class AidChecks {

    static final String CARD = "6222021234567891234";
    static final String MASKED = "6222 **** **** 1234";
    static final String LEDGER_HEADER = "学号,学期,资助类别,金额（元）,发放日期,银行卡号,凭证号,备注";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AidApi api;

    @Autowired
    DataSource dataSource;

    /** Starts with a digit: a search for "AD" + tag is a student-number search (shared.TextSearch). */
    final String tag = "1" + UUID.randomUUID().toString().replace("-", "").substring(0, 7);

    AidFixture fixture;

    @BeforeEach
    void aHandBuiltSchool() {
        fixture = new AidFixture(jdbc, tag, schoolId(TestUsers.ZHENPING)).build();
    }

    @AfterEach
    void remove() {
        // the users first: a student's sign-in names its record
        jdbc.sql("DELETE FROM app_user WHERE username LIKE :u")
                .param("u", "ad%" + tag + "%")
                .update();
        fixture.remove();
    }

    @Test
    void eligibilityIsExactlyWhatTheRulesSayOfTheFixture() throws Exception {
        Map<String, String> all = eligibility("ALL");
        assertThat(all)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("R1", "waiver"),
                        Map.entry("U1", "-"),
                        Map.entry("UA2", "waiver+grant"),
                        Map.entry("UA3", "waiver"),
                        Map.entry("UH1", "waiver+grant"),
                        Map.entry("UHP", "-"),
                        Map.entry("UHR", "-"),
                        Map.entry("UHO", "-"),
                        Map.entry("R2", "waiver"),
                        Map.entry("UX1", "-")));
        assertThat(eligibility("ELIGIBLE")).containsOnlyKeys("R1", "UA2", "UA3", "UH1", "R2");
        assertThat(eligibility("GRANT")).containsOnlyKeys("UA2", "UH1");
        mvc.perform(get("/api/v1/aid/eligibility")
                        .param("term", AidFixture.TERM)
                        .param("q", fixture.number("UH1"))
                        .with(as(TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].studyYear").value(1))
                .andExpect(jsonPath("$.items[0].hardshipLevel").value("HARDSHIP"))
                .andExpect(jsonPath("$.items[0].reasons[0]").value("HARDSHIP"));
    }

    @Test
    void decisionsStayWithinEligibilityAndCarryAVersion() throws Exception {
        decide("U1", true, null, 0, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("waiver"));
        decide("R1", true, "TIER2", 0, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grantTier"));
        decide("UA2", true, "TIER2", 0, TestUsers.STAFF).andExpect(status().isForbidden());
        decide("UA2", true, "TIER2", 0, TestUsers.BUREAU).andExpect(status().isForbidden());
        decide("UA2", true, "TIER2", 0, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grantTier").value("TIER2"))
                .andExpect(jsonPath("$.version").value(1));
        decide("UA2", true, "TIER1", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isConflict());
        decide("UA2", true, "TIER1", 1, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        String other = otherSchoolAdmin();
        decide("UA2", false, null, 2, other)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("studentNumber"));
        assertThat(eligibility("GRANT")).containsEntry("UA2", "waiver+grant");
        mvc.perform(get("/api/v1/aid/eligibility")
                        .param("term", AidFixture.TERM)
                        .param("q", fixture.number("UA2"))
                        .with(as(TestUsers.STAFF)))
                .andExpect(jsonPath("$.items[0].grantTier").value("TIER1"))
                .andExpect(jsonPath("$.items[0].decisionVersion").value(2));
    }

    @Test
    void theLedgerIsCorrectedByAReversalOnceAndNeverChanged() throws Exception {
        decide("UA2", true, "TIER2", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        pay("U1", "GRANT", "500.00", "V1" + tag, CARD).andExpect(status().isBadRequest());
        pay("UA2", "GRANT", "1000.01", "V1" + tag, CARD)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        pay("UA2", "GRANT", "1000.00", "V1" + tag, "6222 0212").andExpect(status().isBadRequest());
        long id = idOf(pay("UA2", "GRANT", "1000.00", "V1" + tag, CARD)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.bankCard").value(MASKED))
                .andExpect(jsonPath("$.amount").value(1000.00)));
        assertThat(stored(id, "bank_card")).isEqualTo(CARD);
        pay("UA2", "WAIVER", "800.00", "V1" + tag, null).andExpect(status().isConflict());
        assertThat(grant().yuan()).isEqualByComparingTo("1000.00");
        mvc.perform(post("/api/v1/aid/disbursements/{id}/reverse", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}")
                        .with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isBadRequest());
        reverse(id, TestUsers.STAFF).andExpect(status().isForbidden());
        long reversal = idOf(reverse(id, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value(-1000.00))
                .andExpect(jsonPath("$.reversesId").value(id)));
        reverse(id, TestUsers.SCHOOL_ADMIN).andExpect(status().isConflict());
        reverse(reversal, TestUsers.SCHOOL_ADMIN).andExpect(status().isConflict());
        // the export sums to the net: the entry and its reversal (a leading minus is guarded as text)
        assertThat(export(TestUsers.SCHOOL_ADMIN))
                .contains(",国家助学金,1000.00,2030-10-15," + MASKED + ",V1" + tag)
                .contains(",国家助学金,'-1000.00,");
        assertThat(grant()).isEqualTo(new AidApi.KindTotal("GRANT", 0, BigDecimal.ZERO));
        idOf(pay("UA2", "GRANT", "1000.00", "V2" + tag, CARD).andExpect(status().isCreated()));
        assertThat(grant()).isEqualTo(new AidApi.KindTotal("GRANT", 1, new BigDecimal("1000.00")));
        // there is no way to change or delete an entry
        mvc.perform(put("/api/v1/aid/disbursements/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(delete("/api/v1/aid/disbursements/{id}", id).with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isMethodNotAllowed());
        assertThat(stored(id, "amount")).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void aStudentSeesItsOwnAidAndNobodyElsesAndNoCard() throws Exception {
        decide("UA2", true, "TIER2", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        long wrong = idOf(pay("UA2", "GRANT", "1000.00", "V7" + tag, CARD).andExpect(status().isCreated()));
        reverse(wrong, TestUsers.SCHOOL_ADMIN).andExpect(status().isCreated());
        idOf(pay("UA2", "GRANT", "600.00", "V8" + tag, CARD).andExpect(status().isCreated()));
        decide("R1", true, null, 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        String student =
                BoundUsers.insert(jdbc, "ad", tag, "STUDENT", fixture.school, null, fixture.students.get("UA2"));
        String body = mvc.perform(get("/api/v1/me/aid").with(as(student)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.terms.length()").value(1))
                .andExpect(jsonPath("$.terms[0].term").value(AidFixture.TERM))
                .andExpect(jsonPath("$.terms[0].waiver").value(true))
                .andExpect(jsonPath("$.terms[0].grantTier").value("TIER2"))
                // the wrong payment and its reversal net to nothing
                .andExpect(jsonPath("$.terms[0].grantPaid").value(600.00))
                .andExpect(jsonPath("$.terms[0].waiverPaid").value(0))
                // entered for 2029: not in school in today's term
                .andExpect(jsonPath("$.now").value(org.hamcrest.Matchers.nullValue()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("6222", fixture.number("R1"));
        String page = mvc.perform(get("/me/aid").with(as(student)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"my-aid-" + AidFixture.TERM + "\"", "600.00", "二档")
                .doesNotContain("6222");
        // a rural student of today's school year, enrolled on its first day: the waiver now
        int year = org.craftline.shared.Term.of(java.time.LocalDate.now()).startYear();
        long now = fixture.student("NOW", "RURAL", fixture.plain, year, "ENROLLED", java.time.LocalDate.of(year, 9, 1));
        String newcomer = BoundUsers.insert(jdbc, "ad", tag, "STUDENT", fixture.school, null, now);
        mvc.perform(get("/api/v1/me/aid").with(as(newcomer)))
                .andExpect(jsonPath("$.now.studyYear").value(1))
                .andExpect(jsonPath("$.now.waiverEligible").value(true))
                .andExpect(jsonPath("$.now.reasons[0]").value("RURAL"))
                .andExpect(jsonPath("$.terms.length()").value(0));
        assertThat(mvc.perform(get("/me/aid").with(as(newcomer)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"my-aid-waiver\">是<");
        mvc.perform(get("/api/v1/me/aid").with(as(TestUsers.STAFF))).andExpect(status().isForbidden());
        mvc.perform(get("/me/aid").with(as(TestUsers.STAFF))).andExpect(status().isForbidden());
    }

    @Test
    void aBankCardIsRevealedOnlyToAnAdministratorAndAudited() throws Exception {
        decide("UH1", true, "TIER1", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        long id = idOf(pay("UH1", "GRANT", "1250.00", "V3" + tag, CARD).andExpect(status().isCreated()));
        mvc.perform(get("/api/v1/aid/disbursements")
                        .param("q", fixture.number("UH1"))
                        .with(as(TestUsers.STAFF)))
                .andExpect(jsonPath("$.items[0].bankCard").value(MASKED));
        mvc.perform(post("/api/v1/aid/disbursements/{id}/reveal", id).with(as(TestUsers.STAFF)))
                .andExpect(status().isForbidden());
        String other = otherSchoolAdmin();
        mvc.perform(post("/api/v1/aid/disbursements/{id}/reveal", id).with(as(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/aid/disbursements/{id}", id).with(as(other))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/aid/disbursements/{id}/reveal", id).with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bankCard").value(CARD));
        reverse(id, other).andExpect(status().isNotFound());
        assertThat(stored(id, "reversed")).isEqualTo(false);
        reverse(id, TestUsers.SCHOOL_ADMIN).andExpect(status().isCreated());
        List<String> audited = jdbc.sql("SELECT action || COALESCE(before_json, '') || COALESCE(after_json, '')"
                        + " FROM audit_event WHERE entity_type = 'aid-disbursement' AND entity_key = :k ORDER BY id")
                .param("k", String.valueOf(id))
                .query(String.class)
                .list();
        assertThat(audited).hasSize(3).allSatisfy(json -> assertThat(json).doesNotContain(CARD));
        assertThat(audited.get(0)).startsWith("CREATE").contains(MASKED);
        assertThat(audited.get(1)).startsWith("REVEAL");
        assertThat(audited.get(2)).startsWith("REVERSE").contains(MASKED);
    }

    @Test
    void hardshipIsRecordedByTheSchoolAndReadByItsTeachersOnly() throws Exception {
        String body = "{\"studentNumber\":\"" + fixture.number("U1") + "\",\"schoolYear\":" + AidFixture.START
                + ",\"level\":\"SPECIAL\",\"evidence\":\"低保证 豫民低字0001\",\"decision\":\"APPROVED\"}";
        hardship(body, TestUsers.STAFF).andExpect(status().isForbidden());
        long id = idOf(hardship(body, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reviewer").value(TestUsers.SCHOOL_ADMIN))
                .andExpect(jsonPath("$.version").value(0)));
        hardship(body, TestUsers.SCHOOL_ADMIN).andExpect(status().isConflict());
        assertThat(eligibility("ALL")).containsEntry("U1", "waiver+grant");
        mvc.perform(get("/api/v1/aid/hardships/{id}", id).with(as(TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("SPECIAL"));
        mvc.perform(get("/api/v1/aid/hardships/{id}", id).with(as(otherSchoolAdmin())))
                .andExpect(status().isNotFound());
        String refused = body.replace("APPROVED", "REFUSED").replace("}", ",\"version\":0}");
        review(id, refused)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        review(id, refused).andExpect(status().isConflict());
        assertThat(eligibility("ALL")).containsEntry("U1", "-");
    }

    @Test
    void theImportsRoundTripAndAReImportAddsNothing() throws Exception {
        String decisions = "学号,学期,免学费,国家助学金档次";
        List<String> file = List.of(
                decisions,
                fixture.number("UA2") + "," + AidFixture.TERM + ",是,二档",
                fixture.number("R1") + "," + AidFixture.TERM + ",是,");
        upload("aid-recipients", file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        assertThat(jdbc.sql(
                                "SELECT entity_key FROM audit_event WHERE action = 'CREATE' AND entity_type = 'aid-decision'"
                                        + " AND entity_key IN (:keys)")
                        .param("keys", List.of(decisionKey("UA2"), decisionKey("R1")))
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(decisionKey("UA2"), decisionKey("R1"));
        upload("aid-recipients", file).andExpect(jsonPath("$.unchanged").value(2));
        upload("aid-recipients", List.of(decisions, fixture.number("R2") + "," + AidFixture.TERM + ",是,一档"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("国家助学金档次"));
        String header = "学号,学期,资助类别,金额（元）,发放日期,银行卡号,凭证号,备注";
        List<String> ledger = List.of(
                header,
                fixture.number("UA2") + "," + AidFixture.TERM + ",国家助学金,1000.00,2030-10-15," + CARD + ",I1" + tag + ",",
                fixture.number("R1") + "," + AidFixture.TERM + ",免学费,1000.00,2030-10-15,,I2" + tag + ",");
        upload("disbursements", ledger)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        upload("disbursements", ledger).andExpect(jsonPath("$.unchanged").value(2));
        assertThat(api.schoolYear(fixture.school, AidFixture.START).stream()
                        .filter(t -> t.recipients() > 0)
                        .count())
                .isGreaterThanOrEqualTo(2);
        upload(
                        "disbursements",
                        List.of(
                                header,
                                fixture.number("UA2") + "," + AidFixture.TERM + ",国家助学金,0.01,2030-10-16," + CARD + ",I3"
                                        + tag + ","))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("金额(元)"));
        assertThat(export(TestUsers.SCHOOL_ADMIN))
                .contains(fixture.number("UA2") + "," + AidFixture.TERM + ",国家助学金,1000.00,2030-10-15," + MASKED + ",I1"
                        + tag)
                .doesNotContain(CARD);
        assertThat(export(TestUsers.STAFF)).contains(MASKED).doesNotContain(CARD);
    }

    @Test
    void theBureauSeesEachSchoolsAidPerTerm() throws Exception {
        decide("UA2", true, "TIER3", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        pay("UA2", "GRANT", "750.00", "V4" + tag, CARD).andExpect(status().isCreated());
        pay("UA2", "WAIVER", "1000.00", "V5" + tag, null).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/aid/rollup").param("term", AidFixture.TERM).with(as(TestUsers.BUREAU)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.schoolCode == '" + TestUsers.ZHENPING + "')].grantYuan")
                        .value(750.00))
                .andExpect(jsonPath("$.items[?(@.schoolCode == '" + TestUsers.ZHENPING + "')].waiverRecipients")
                        .value(1));
        mvc.perform(get("/api/v1/aid/rollup").param("term", AidFixture.TERM).with(as(otherSchoolAdmin())))
                .andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void thePagesShowEligibilityDecisionsAndTheLedgerWithCardsMasked() throws Exception {
        decide("UA2", true, "TIER2", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        long id = idOf(pay("UA2", "GRANT", "1000.00", "V6" + tag, CARD).andExpect(status().isCreated()));
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        assertThat(page("/aid?term=" + AidFixture.TERM + "&q=AD" + tag, admin))
                .contains(fixture.number("UA2"))
                .contains("<span class=\"badge text-bg-light me-1\">涉农专业</span>")
                .doesNotContain(fixture.number("U1"));
        mvc.perform(post("/aid/decisions")
                        .session(admin)
                        .with(csrf())
                        .param("studentNumber", fixture.number("R1"))
                        .param("term", AidFixture.TERM)
                        .param("grantTier", "TIER1")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/aid?term=" + AidFixture.TERM))
                .andExpect(flash().attribute("flashError", "aid.decision.grantNotEligible"));
        // the answer comes back to the list as it was filtered and paged
        mvc.perform(post("/aid/decisions")
                        .session(admin)
                        .with(csrf())
                        .param("studentNumber", fixture.number("R1"))
                        .param("term", AidFixture.TERM)
                        .param("version", "0")
                        .param("q", "AD" + tag)
                        .param("show", "ALL")
                        .param("page", "1"))
                .andExpect(redirectedUrl("/aid?term=" + AidFixture.TERM + "&q=AD" + tag + "&show=ALL&page=1"));
        // a search as typed, braces and plus included, comes back as it was
        mvc.perform(post("/aid/decisions")
                        .session(admin)
                        .with(csrf())
                        .param("studentNumber", fixture.number("R1"))
                        .param("term", AidFixture.TERM)
                        .param("version", "0")
                        .param("q", "{x}+"))
                .andExpect(redirectedUrl("/aid?term=" + AidFixture.TERM + "&q=%7Bx%7D%2B"));
        assertThat(page("/aid/ledger?q=" + fixture.number("UA2"), admin))
                .contains(MASKED)
                .doesNotContain(CARD);
        assertThat(page("/aid/hardships?q=AD" + tag, admin)).contains(fixture.number("UH1"));
        assertThat(mvc.perform(post("/aid/ledger/{id}/reveal", id)
                                .session(admin)
                                .with(csrf()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains(CARD);
        assertThat(page("/aid/rollup?term=" + AidFixture.TERM, Sessions.login(mvc, TestUsers.BUREAU)))
                .contains("1,000.00");
    }

    @Test
    void theOperatorImportsAidForTheOneSchoolItsRowsName() throws Exception {
        String decisions = "学号,学期,免学费,国家助学金档次,学校标识码";
        String ua2 = fixture.number("UA2") + "," + AidFixture.TERM + ",是,二档,";
        String r1 = fixture.number("R1") + "," + AidFixture.TERM + ",是,,";
        upload("aid-recipients", List.of(decisions, ua2), TestUsers.ADMIN)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("学校标识码"));
        upload("aid-recipients", List.of(decisions, ua2 + TestUsers.ZHENPING, r1 + TestUsers.NEIXIANG), TestUsers.ADMIN)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("学校标识码"));
        upload("aid-recipients", List.of(decisions, ua2 + TestUsers.ZHENPING, r1 + TestUsers.ZHENPING), TestUsers.ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        String ledger = "学号,学期,资助类别,金额（元）,发放日期,银行卡号,凭证号,备注,学校标识码";
        upload(
                        "disbursements",
                        List.of(
                                ledger,
                                fixture.number("R1") + "," + AidFixture.TERM + ",免学费,1000.00,2030-10-15,,O1" + tag
                                        + ",," + TestUsers.ZHENPING),
                        TestUsers.ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        upload("aid-recipients", List.of(decisions, ua2), TestUsers.STAFF).andExpect(status().isForbidden());
        upload("aid-recipients", List.of(decisions, ua2), TestUsers.BUREAU).andExpect(status().isForbidden());
    }

    @Test
    void anImportErrorRowShowsABankCardMasked() throws Exception {
        decide("UA2", true, "TIER2", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        String longCard = CARD + "12345";
        String body = refusedLedger(
                ledgerRow("UA2", "国家助学金", "100.00", longCard, "M1" + tag, ""),
                ledgerRow("UA2", "国家助学金", "100.00", "62220212", "M2" + tag, ""));
        assertThat(body).doesNotContain(longCard).doesNotContain("62220212");
        List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
        assertThat(errors)
                .extracting(e -> e.get("column") + "=" + e.get("value"))
                .containsExactlyInAnyOrder("银行卡号=6222 **** **** 2345", "银行卡号=********");
    }

    @Test
    void anImportRowWantsAVoucherAndANoteOfAtMost500Characters() throws Exception {
        decide("UA2", true, "TIER2", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        List<Map<String, Object>> errors = JsonPath.read(
                refusedLedger(
                        ledgerRow("UA2", "国家助学金", "100.00", CARD, "", ""),
                        ledgerRow("UA2", "国家助学金", "100.00", CARD, "N2" + tag, "备".repeat(501)),
                        ledgerRow("UA2", "国家助学金", "100.00", CARD, "N3" + tag, "备".repeat(500))),
                "$.errors");
        assertThat(errors)
                .extracting(e -> e.get("row") + ":" + e.get("column"))
                .containsExactlyInAnyOrder("2:凭证号", "3:备注");
    }

    @Test
    void aWaiverIsEnteredOnceATermUnlessReversed() throws Exception {
        decide("R1", true, null, 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        long first = idOf(pay("R1", "WAIVER", "800.00", "W1" + tag, null).andExpect(status().isCreated()));
        pay("R1", "WAIVER", "800.00", "W2" + tag, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        upload("disbursements", List.of(LEDGER_HEADER, ledgerRow("R1", "免学费", "800.00", "", "W3" + tag, "")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("资助类别"));
        reverse(first, TestUsers.SCHOOL_ADMIN).andExpect(status().isCreated());
        upload(
                        "disbursements",
                        List.of(
                                LEDGER_HEADER,
                                ledgerRow("R1", "免学费", "800.00", "", "W4" + tag, ""),
                                ledgerRow("R1", "免学费", "800.00", "", "W5" + tag, "")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(2));
        pay("R1", "WAIVER", "800.00", "W6" + tag, null).andExpect(status().isCreated());
    }

    @Test
    void aDecisionIsNotCutBelowWhatWasPaid() throws Exception {
        decide("UA2", true, "TIER2", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        long grant = idOf(pay("UA2", "GRANT", "1000.00", "B1" + tag, CARD).andExpect(status().isCreated()));
        pay("UA2", "WAIVER", "800.00", "B2" + tag, null).andExpect(status().isCreated());
        decide("UA2", true, "TIER3", 1, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grantTier"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("reverse the payments first")));
        decide("UA2", false, "TIER2", 1, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("waiver"));
        String decisions = "学号,学期,免学费,国家助学金档次";
        upload("aid-recipients", List.of(decisions, fixture.number("UA2") + "," + AidFixture.TERM + ",是,"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("国家助学金档次"));
        upload("aid-recipients", List.of(decisions, fixture.number("UA2") + "," + AidFixture.TERM + ",否,二档"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("免学费"));
        assertThat(tierOf("UA2")).isEqualTo("TIER2");
        reverse(grant, TestUsers.SCHOOL_ADMIN).andExpect(status().isCreated());
        decide("UA2", true, "TIER3", 1, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
    }

    @Test
    void aHardshipIsNotRefusedWhileAidRestingOnItIsPaid() throws Exception {
        decide("UH1", true, "TIER1", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        long grant = idOf(pay("UH1", "GRANT", "1250.00", "H1" + tag, CARD).andExpect(status().isCreated()));
        long id = jdbc.sql("SELECT id FROM hardship_recognition WHERE student_id = :s")
                .param("s", fixture.students.get("UH1"))
                .query(Long.class)
                .single();
        String refused = "{\"studentNumber\":\"" + fixture.number("UH1") + "\",\"schoolYear\":" + AidFixture.START
                + ",\"level\":\"HARDSHIP\",\"evidence\":\"低保证 测试\",\"decision\":\"REFUSED\",\"version\":0}";
        review(id, refused)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        assertThat(eligibility("ALL")).containsEntry("UH1", "waiver+grant");
        reverse(grant, TestUsers.SCHOOL_ADMIN).andExpect(status().isCreated());
        review(id, refused).andExpect(status().isOk());
        assertThat(eligibility("ALL")).containsEntry("UH1", "-");
    }

    @Test
    void aPaymentBetweenTheImportsCheckAndItsWriteRefusesTheImport() throws Exception {
        decide("UA2", true, "TIER2", 0, TestUsers.SCHOOL_ADMIN).andExpect(status().isOk());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Integer> imported;
        try (Connection payment = dataSource.getConnection()) {
            // a payment of the API in flight: it holds the decision's lock and has not committed
            payment.setAutoCommit(false);
            try (var lock = payment.prepareStatement(
                    "SELECT id FROM aid_decision WHERE student_id = ? AND term = ? FOR UPDATE")) {
                lock.setLong(1, fixture.students.get("UA2"));
                lock.setString(2, AidFixture.TERM);
                lock.executeQuery().close();
            }
            try (var insert = payment.prepareStatement("INSERT INTO aid_disbursement (school_id, student_id, term,"
                    + " kind, amount, paid_on, bank_card, voucher_no, reverses_id, reversed, created_by, created_at)"
                    + " VALUES (?, ?, ?, 'GRANT', 600.00, DATE '2030-10-15', ?, ?, NULL, FALSE, 'api',"
                    + " CURRENT_TIMESTAMP)")) {
                insert.setLong(1, fixture.school);
                insert.setLong(2, fixture.students.get("UA2"));
                insert.setString(3, AidFixture.TERM);
                insert.setString(4, CARD);
                insert.setString(5, "P1" + tag);
                insert.executeUpdate();
            }
            List<String> file = List.of(LEDGER_HEADER, ledgerRow("UA2", "国家助学金", "500.00", CARD, "P2" + tag, ""));
            imported = pool.submit(() ->
                    upload("disbursements", file).andReturn().getResponse().getStatus());
            long until = System.nanoTime() + 60_000_000_000L;
            while (!imported.isDone() && !aSessionWaitsForALock() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            payment.commit();
        } finally {
            pool.shutdown();
        }
        assertThat(imported.get(60, TimeUnit.SECONDS)).isEqualTo(409);
        assertThat(grant().yuan()).isEqualByComparingTo("600.00");
    }

    @Test
    void aLongRollUpIsReadPageByPage() throws Exception {
        long student = fixture.students.get("UA2");
        jdbc.sql("INSERT INTO aid_disbursement (school_id, student_id, term, kind, amount, paid_on, voucher_no,"
                        + " reverses_id, reversed, created_by, created_at)"
                        + " SELECT :school, :student, 'T' || CAST(1000000 + n.i AS VARCHAR(10)), 'WAIVER', 1.00,"
                        + " DATE '2030-10-15', :voucher || CAST(n.i AS VARCHAR(10)), NULL, FALSE, 'test', CURRENT_TIMESTAMP"
                        + " FROM (SELECT a.x * 1000 + b.x * 100 + c.x * 10 + d.x AS i FROM " + digits("a") + ", "
                        + digits("b") + ", " + digits("c") + ", " + digits("d") + ") n WHERE n.i <= 1000")
                .param("school", fixture.school)
                .param("student", student)
                .param("voucher", "RU" + tag)
                .update();
        var bureau = Sessions.login(mvc, TestUsers.BUREAU);
        // 1,001 terms of one school, and the fixture's term: every row reachable, none cut
        assertThat(page("/aid/rollup", bureau)).contains("rel=\"next\"", "page=2");
        mvc.perform(get("/api/v1/aid/rollup").param("size", "200").with(as(TestUsers.BUREAU)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(200))
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1001)));
        mvc.perform(get("/api/v1/aid/rollup")
                        .param("size", "200")
                        .param("page", "6")
                        .with(as(TestUsers.BUREAU)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
    }

    private static String digits(String alias) {
        return "(VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS " + alias + " (x)";
    }

    private boolean aSessionWaitsForALock() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            String sql = c.getMetaData().getDatabaseProductName().contains("H2")
                    ? "SELECT COUNT(*) FROM information_schema.sessions WHERE blocker_id IS NOT NULL"
                    : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                            + " AND datname = current_database()";
            try (var st = c.createStatement();
                    var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The answer to a disbursements file of these rows, which must be refused. */
    private String refusedLedger(String... rows) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of(LEDGER_HEADER));
        lines.addAll(List.of(rows));
        return upload("disbursements", lines)
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String ledgerRow(String name, String kind, String amount, String card, String voucher, String note) {
        return fixture.number(name) + "," + AidFixture.TERM + "," + kind + "," + amount + ",2030-10-15," + card + ","
                + voucher + "," + note;
    }

    private String decisionKey(String name) {
        return fixture.students.get(name) + "/" + AidFixture.TERM;
    }

    private String tierOf(String name) {
        return jdbc.sql("SELECT grant_tier FROM aid_decision WHERE student_id = :s AND term = :t")
                .param("s", fixture.students.get(name))
                .param("t", AidFixture.TERM)
                .query(String.class)
                .single();
    }

    /** Student name of the fixture to "waiver", "grant", "waiver+grant" or "-", as the list shows them. */
    private Map<String, String> eligibility(String show) throws Exception {
        String body = mvc.perform(get("/api/v1/aid/eligibility")
                        .param("term", AidFixture.TERM)
                        .param("q", "AD" + tag)
                        .param("show", show)
                        .param("size", "100")
                        .with(as(TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> items = JsonPath.read(body, "$.items");
        Map<String, String> result = new TreeMap<>();
        for (Map<String, Object> item : items) {
            boolean waiver = (Boolean) item.get("waiverEligible");
            boolean grant = (Boolean) item.get("grantEligible");
            String what = waiver && grant ? "waiver+grant" : waiver ? "waiver" : grant ? "grant" : "-";
            result.put(((String) item.get("studentNumber")).substring(2 + tag.length()), what);
        }
        return result;
    }

    private ResultActions decide(String name, boolean waiver, String tier, int version, String who) throws Exception {
        return mvc.perform(put("/api/v1/aid/decisions")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentNumber\":\"" + fixture.number(name) + "\",\"term\":\"" + AidFixture.TERM
                        + "\",\"waiver\":" + waiver + ",\"grantTier\":" + (tier == null ? "null" : "\"" + tier + "\"")
                        + ",\"version\":" + version + "}")
                .with(as(who)));
    }

    private ResultActions pay(String name, String kind, String amount, String voucher, String card) throws Exception {
        return mvc.perform(post("/api/v1/aid/disbursements")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentNumber\":\"" + fixture.number(name) + "\",\"term\":\"" + AidFixture.TERM
                        + "\",\"kind\":\"" + kind + "\",\"amount\":" + amount + ",\"paidOn\":\"2030-10-15\","
                        + "\"bankCard\":" + (card == null ? "null" : "\"" + card + "\"") + ",\"voucherNo\":\""
                        + voucher + "\"}")
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    private ResultActions reverse(long id, String who) throws Exception {
        return mvc.perform(post("/api/v1/aid/disbursements/{id}/reverse", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"卡号有误\"}")
                .with(as(who)));
    }

    private ResultActions hardship(String body, String who) throws Exception {
        return mvc.perform(post("/api/v1/aid/hardships")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(as(who)));
    }

    private ResultActions review(long id, String body) throws Exception {
        return mvc.perform(put("/api/v1/aid/hardships/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    private ResultActions upload(String kind, List<String> lines) throws Exception {
        return upload(kind, lines, TestUsers.SCHOOL_ADMIN);
    }

    private ResultActions upload(String kind, List<String> lines, String who) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/" + kind)
                .file(ImportFiles.csv(kind + ".csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", "false")
                .header("Accept-Language", "zh-CN")
                .with(as(who)));
    }

    private String page(String url, org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String export(String who) throws Exception {
        return mvc.perform(get("/api/v1/exports/disbursements")
                        .param("format", "csv")
                        .header("Accept-Language", "zh-CN")
                        .with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private AidApi.KindTotal grant() {
        return api.schoolYear(fixture.school, AidFixture.START).get(1);
    }

    private static long idOf(ResultActions result) throws Exception {
        String body = result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private Object stored(long id, String column) {
        return jdbc.sql("SELECT " + column + " FROM aid_disbursement WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> rs.getObject(1))
                .single();
    }

    private String otherSchoolAdmin() {
        return BoundUsers.insert(jdbc, "ad", tag, "SCHOOL_ADMIN", schoolId(TestUsers.NEIXIANG), null, null);
    }

    private long schoolId(String code) {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
