package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A follow-up round end to end on a school of its own: the operator opens it, each graduate's
 * personal link answers once without a password, a changed link is not found, the answer waits as a
 * pending report until the school confirms it into the destination at the round's point; the
 * response by class, reminders, a closed round, another school's administrator, and the graduate's
 * in-app task.
 *
 * <pre>
 * school FU (its own), graduates of 2019: class 甲 a1 a2 a3, class 乙 b1 b2; e1 enrolled (not asked)
 * </pre>
 *
 * Run on PostgreSQL ({@link FollowUpRoundsIT}) and on the embedded H2 ({@link FollowUpRoundsH2Test}).
 */
abstract class FollowUpRoundsChecks {

    static final String CODE = "4141099001";
    static final String A = "$.classes[?(@.className == '跟踪甲班')]";
    static final String B = "$.classes[?(@.className == '跟踪乙班')]";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    long school;
    String graduateUser;

    @BeforeEach
    void school() {
        remove();
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT :c, '跟踪测试学校', id, 2000 FROM region WHERE code = '411324'")
                .param("c", CODE)
                .update();
        school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", CODE)
                .query(Long.class)
                .single();
        for (String c : List.of("跟踪甲班", "跟踪乙班")) {
            jdbc.sql("INSERT INTO school_class (school_id, major_id, entry_year, name)"
                            + " SELECT :s, id, 2016, :n FROM major WHERE code = '750107'")
                    .param("s", school)
                    .param("n", c)
                    .update();
        }
        student("a1", "跟踪甲班", "GRADUATED");
        student("a2", "跟踪甲班", "GRADUATED");
        student("a3", "跟踪甲班", "GRADUATED");
        student("b1", "跟踪乙班", "GRADUATED");
        student("b2", "跟踪乙班", "GRADUATED");
        student("e1", "跟踪乙班", "ENROLLED");
        graduateUser = BoundUsers.insert(jdbc, "fu", "t", "STUDENT", school, null, studentId("b2"));
    }

    @AfterEach
    void remove() {
        String mine = "(SELECT id FROM school WHERE code = '" + CODE + "')";
        String users = "(SELECT id FROM app_user WHERE school_id IN " + mine + ")";
        jdbc.sql("DELETE FROM notification WHERE user_id IN " + users).update();
        jdbc.sql("DELETE FROM notification_opt_out WHERE user_id IN " + users).update();
        jdbc.sql("DELETE FROM app_user WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM follow_up_request WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM follow_up_round WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM destination WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM student WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM school_class WHERE school_id IN " + mine).update();
        jdbc.sql("DELETE FROM school WHERE id IN " + mine).update();
    }

    @Test
    void aGraduateAnswersOnceThroughItsLinkAndTheSchoolConfirmsTheAnswer() throws Exception {
        long round = open("MONTHS_6", LocalDate.now().plusDays(30));
        Map<String, String> links = links(round);
        assertThat(links).containsOnlyKeys("FU-a1", "FU-a2", "FU-a3", "FU-b1", "FU-b2");
        String token = token(links.get("FU-a1"));

        // the page names the school, hides the surname, asks nothing of a password
        mvc.perform(get("/public/follow-up/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("跟踪测试学校")))
                .andExpect(content().string(Matchers.containsString("*甲一")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("跟甲一"))))
                .andExpect(content().string(Matchers.containsString("name=\"satisfaction\"")))
                // the form carries its CSRF token: a browser without a session's token would be refused
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));

        // a changed or made-up link is not found; the real one still works
        for (String bad : List.of(tampered(token), "abc", token.substring(1) + "A", tokenOf(round, "FU-a1", 1))) {
            mvc.perform(get("/public/follow-up/" + bad)).andExpect(status().isNotFound());
            mvc.perform(answer(bad, "4")).andExpect(status().isNotFound());
        }

        String unit = jadeUnitName();
        mvc.perform(answer(token, "EMPLOYED", unit, "4"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/public/follow-up/" + token));
        Map<String, Object> given = request("FU-a1");
        assertThat(given.get("kind")).isEqualTo("EMPLOYED");
        assertThat(given.get("enterprise_id")).isNotNull();
        assertThat(given.get("sector")).isEqualTo("SECONDARY");
        assertThat(given.get("satisfaction")).isEqualTo(4);

        // used: the page says so, and a second answer changes nothing
        mvc.perform(get("/public/follow-up/" + token))
                .andExpect(content().string(Matchers.containsString("这份问卷已经答过")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"satisfaction\""))));
        mvc.perform(answer(token, "UNEMPLOYED", "", "1")).andExpect(status().isOk());
        assertThat(request("FU-a1").get("satisfaction")).isEqualTo(4);
        assertThat(request("FU-a1").get("kind")).isEqualTo("EMPLOYED");

        // pending until the school confirms; nothing counted yet
        assertThat(destinations("FU-a1")).isZero();
        long requestId = ((Number) given.get("id")).longValue();
        api(get("/api/v1/follow-up-answers/pending").param("round", String.valueOf(round)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].requestId").value(requestId))
                .andExpect(jsonPath("$.items[0].kind").value("EMPLOYED"));
        api(post("/api/v1/follow-up-answers/" + requestId + "/confirm"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.followUp").value("MONTHS_6"))
                .andExpect(jsonPath("$.source").value("SELF_REPORT"))
                .andExpect(jsonPath("$.confirmed").value(true))
                .andExpect(jsonPath("$.payBand").value("TO_4000"))
                .andExpect(jsonPath("$.sector").value("SECONDARY"));
        assertThat(destinations("FU-a1")).isOne();
        api(post("/api/v1/follow-up-answers/" + requestId + "/confirm")).andExpect(status().isBadRequest());
    }

    @Test
    void theRoundShowsTheResponseByClassAndRemindsThoseWhoHaveNotAnswered() throws Exception {
        long round = open("YEAR_1", LocalDate.now().plusDays(10));
        Map<String, String> links = links(round);
        mvc.perform(answer(token(links.get("FU-b1")), "FURTHER_STUDY", "", "5")).andExpect(status().is3xxRedirection());
        api(post("/api/v1/follow-up-rounds/" + round + "/reminders"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reminded").value(4));
        api(get("/api/v1/follow-up-rounds/" + round))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.round.requests").value(5))
                .andExpect(jsonPath("$.round.answered").value(1))
                .andExpect(jsonPath("$.round.satisfaction").value(5.0))
                .andExpect(jsonPath("$.classes.length()").value(2))
                .andExpect(jsonPath(B + ".requests").value(2))
                .andExpect(jsonPath(B + ".answered").value(1))
                .andExpect(jsonPath(B + ".reminded").value(1))
                .andExpect(jsonPath(A + ".requests").value(3))
                .andExpect(jsonPath(A + ".answered").value(0))
                .andExpect(jsonPath(A + ".reminded").value(3));
        // the figures read the rounds: asked, answered, mean satisfaction per point
        api(get("/api/v1/indicators/follow-up-responses").param("school", CODE).param("year", "2019"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].followUp").value("YEAR_1"))
                .andExpect(jsonPath("$[0].asked").value(5))
                .andExpect(jsonPath("$[0].answered").value(1))
                .andExpect(jsonPath("$[0].satisfaction").value(5.0));
        // confirming all the round's answers records each at the point
        api(post("/api/v1/follow-up-rounds/" + round + "/confirmations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmed").value(1));
        assertThat(jdbc.sql("SELECT kind FROM destination WHERE student_id = :s AND follow_up = 'YEAR_1'")
                        .param("s", studentId("b1"))
                        .query(String.class)
                        .single())
                .isEqualTo("FURTHER_STUDY");
        api(post("/api/v1/follow-up-rounds/" + round + "/confirmations"))
                .andExpect(jsonPath("$.confirmed").value(0));
        // the links handed out again leave out who answered
        assertThat(links(round)).containsOnlyKeys("FU-a1", "FU-a2", "FU-a3", "FU-b2");
        mvc.perform(get("/graduates/rounds/" + round).with(operator()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("跟踪乙班")))
                .andExpect(content().string(Matchers.containsString("50.0%")));

        // the graduate with an account was asked and reminded in its inbox, and may turn reminders off
        var graduate = user(users.loadUserByUsername(graduateUser));
        mvc.perform(get("/api/v1/me/notifications").with(graduate))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].messageKey").value("notify.followUp.reminder.YEAR_1"))
                .andExpect(jsonPath("$.items[1].messageKey").value("notify.followUp.request.YEAR_1"))
                .andExpect(jsonPath("$.items[1].link").value("/me"));
        mvc.perform(get("/inbox").with(graduate))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("学校请你回答 2019 届毕业生毕业一年的跟踪调查")));
        mvc.perform(put("/api/v1/me/notification-settings")
                        .with(graduate)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[\"SECURITY\", \"FOLLOW_UP_REQUEST\"]"))
                .andExpect(status().isOk());
        api(post("/api/v1/follow-up-rounds/" + round + "/reminders"))
                .andExpect(jsonPath("$.reminded").value(4));
        mvc.perform(get("/api/v1/me/notifications/unread").with(graduate))
                .andExpect(jsonPath("$.unread").value(2));
        long first = jdbc.sql("SELECT MAX(n.id) FROM notification n JOIN app_user u ON u.id = n.user_id"
                        + " WHERE u.username = :u")
                .param("u", graduateUser)
                .query(Long.class)
                .single();
        // another user cannot open it; the graduate opens it and is taken to its page
        mvc.perform(post("/inbox/" + first + "/open").with(operator()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/inbox/" + first + "/open").with(graduate).with(csrf()))
                .andExpect(redirectedUrl("/me"));
        mvc.perform(get("/api/v1/me/notifications/unread").with(graduate))
                .andExpect(jsonPath("$.unread").value(1));

        // the graduate signed in finds its task, with its own link
        String page = mvc.perform(get("/me").with(user(users.loadUserByUsername(graduateUser))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("/public/follow-up/" + token(links.get("FU-b2")));
    }

    @Test
    void aClosedRoundTakesNoAnswerAndNoReminder() throws Exception {
        long round = open("YEAR_3", LocalDate.now().plusDays(5));
        String token = token(links(round).get("FU-a2"));
        jdbc.sql("UPDATE follow_up_round SET opened_on = :d, closes_on = :d WHERE id = :r")
                .param("d", LocalDate.now().minusDays(1))
                .param("r", round)
                .update();
        mvc.perform(get("/public/follow-up/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("这轮调查已截止")));
        mvc.perform(answer(token, "3")).andExpect(status().isOk());
        assertThat(request("FU-a2").get("answered_at")).isNull();
        api(post("/api/v1/follow-up-rounds/" + round + "/reminders")).andExpect(status().isBadRequest());
    }

    @Test
    void aRoundIsCheckedAndAnotherSchoolsAdministratorFindsNothing() throws Exception {
        api(openRequest("LATER", LocalDate.now().plusDays(5)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("point"));
        api(openRequest("MONTHS_6", LocalDate.now().minusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("closesOn"));
        api(openRequest("MONTHS_6", LocalDate.now().plusDays(181))).andExpect(status().isBadRequest());
        long round = open("MONTHS_6", LocalDate.now().plusDays(5));
        api(openRequest("MONTHS_6", LocalDate.now().plusDays(5)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("point"));

        var zhenping = user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN));
        mvc.perform(get("/api/v1/follow-up-rounds/" + round).with(zhenping)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/follow-up-rounds/" + round + "/reminders").with(zhenping))
                .andExpect(status().isNotFound());
        mvc.perform(get("/graduates/rounds/" + round + "/links.csv").with(zhenping))
                .andExpect(status().isNotFound());
        long requestId = ((Number) request("FU-a3").get("id")).longValue();
        mvc.perform(post("/api/v1/follow-up-answers/" + requestId + "/confirm").with(zhenping))
                .andExpect(status().isNotFound());
        String list = mvc.perform(get("/api/v1/follow-up-rounds").with(zhenping))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain(CODE);
        // another school's round, opened by its code, is refused to an administrator of Zhenping
        mvc.perform(post("/api/v1/follow-up-rounds")
                        .with(zhenping)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("YEAR_1", LocalDate.now().plusDays(5))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schoolCode"));
    }

    @Test
    void theDemoSchoolHasItsRoundsAnsweredByMostAndTheOpenOneWaiting() throws Exception {
        String rounds = mvc.perform(
                        get("/api/v1/follow-up-rounds").with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].graduationYear").value(2026))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(rounds).contains("\"followUp\":\"YEAR_3\"");
        List<Map<String, Object>> rates =
                jdbc.sql("""
                        SELECT r.graduation_year, r.follow_up, COUNT(*) AS asked, COUNT(q.answered_at) AS answered,
                               COUNT(q.confirmed_at) AS confirmed, SUM(q.reminders) AS reminders, AVG(q.satisfaction) AS mean
                        FROM follow_up_round r JOIN follow_up_request q ON q.round_id = r.id JOIN school sc ON sc.id = r.school_id
                        WHERE sc.code = :c AND r.graduation_year BETWEEN 2023 AND 2026
                        GROUP BY r.graduation_year, r.follow_up
                        """).param("c", TestUsers.ZHENPING).query().listOfRows();
        assertThat(rates).hasSize(8).allSatisfy(r -> {
            double rate = ((Number) r.get("answered")).doubleValue() / ((Number) r.get("asked")).doubleValue();
            boolean open = ((Number) r.get("graduation_year")).intValue() == 2026;
            assertThat(rate).isBetween(open ? 0.2 : 0.5, open ? 0.5 : 0.95);
            assertThat(((Number) r.get("confirmed")).intValue())
                    .isEqualTo(open ? 0 : ((Number) r.get("answered")).intValue());
            assertThat(((Number) r.get("reminders")).intValue())
                    .isEqualTo(
                            open ? ((Number) r.get("asked")).intValue() - ((Number) r.get("answered")).intValue() : 0);
            assertThat(((Number) r.get("mean")).doubleValue()).isBetween(3.0, 4.5);
        });
        // the quality report of 2023 states its graduates' latest round (three years on)
        String report = mvc.perform(get("/reports/quality")
                        .param("year", "2023")
                        .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("最近一轮毕业生跟踪调查").contains("毕业三年").contains("/ 5");
        // a confirmed answer is the destination recorded at its point, as the graduate's own report
        int differing = jdbc.sql("""
                        SELECT COUNT(*) FROM follow_up_request q JOIN follow_up_round r ON r.id = q.round_id
                        JOIN destination d ON d.student_id = q.student_id AND d.follow_up = r.follow_up
                        WHERE q.confirmed_at IS NOT NULL AND (d.kind <> q.kind OR d.source <> 'SELF_REPORT'
                              OR COALESCE(d.pay_band, '-') <> COALESCE(q.pay_band, '-'))
                        """).query(Integer.class).single();
        assertThat(differing).isZero();
    }

    @Test
    void confirmingAllLeavesAnAnswerThatNoLongerHoldsPendingAndConfirmsTheRest() throws Exception {
        long round = open("MONTHS_6", LocalDate.now().plusDays(20));
        Map<String, String> links = links(round);
        String unit = jadeUnitName();
        mvc.perform(answer(token(links.get("FU-a1")), "EMPLOYED", unit, "4")).andExpect(status().is3xxRedirection());
        mvc.perform(answer(token(links.get("FU-a2")), "EMPLOYED", unit, "5")).andExpect(status().is3xxRedirection());
        mvc.perform(answer(token(links.get("FU-a3")), "FURTHER_STUDY", "", "3")).andExpect(status().is3xxRedirection());
        // a2's graduation is taken back after it answered: its answer can no longer become a destination
        jdbc.sql("UPDATE student SET status = 'ENROLLED', graduation_year = NULL WHERE id = :s")
                .param("s", studentId("a2"))
                .update();
        api(post("/api/v1/follow-up-rounds/" + round + "/confirmations"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.confirmed").value(2))
                .andExpect(jsonPath("$.skipped").value(1));
        assertThat(destinations("FU-a1")).isOne();
        assertThat(destinations("FU-a3")).isOne();
        assertThat(destinations("FU-a2")).isZero();
        assertThat(request("FU-a2").get("confirmed_at")).as("left pending").isNull();
        api(get("/api/v1/follow-up-answers/pending").param("round", String.valueOf(round)))
                .andExpect(jsonPath("$.total").value(1));
    }

    private long open(String point, LocalDate closes) throws Exception {
        String body = api(openRequest(point, closes))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requests").value(5))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    private MockHttpServletRequestBuilder openRequest(String point, LocalDate closes) {
        return post("/api/v1/follow-up-rounds")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(point, closes));
    }

    private static String body(String point, LocalDate closes) {
        return "{\"graduationYear\":2019,\"point\":\"" + point + "\",\"closesOn\":\"" + closes + "\",\"schoolCode\":\""
                + CODE + "\"}";
    }

    private org.springframework.test.web.servlet.ResultActions api(MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(operator()).accept(MediaType.APPLICATION_JSON));
    }

    private RequestPostProcessor operator() {
        return user(users.loadUserByUsername(TestUsers.ADMIN));
    }

    /** The links CSV by student number. */
    private Map<String, String> links(long round) throws Exception {
        String csv = mvc.perform(
                        get("/graduates/rounds/" + round + "/links.csv").with(operator()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFstudent_number,name,class,link");
        Map<String, String> links = new java.util.HashMap<>();
        Arrays.stream(csv.split("\r\n")).skip(1).forEach(line -> {
            String[] cells = line.split(",");
            links.put(cells[0], cells[3]);
        });
        return links;
    }

    private static String token(String link) {
        assertThat(link).startsWith("http://localhost/public/follow-up/");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    /** The same token with one character changed. */
    private static String tampered(String token) {
        char c = token.charAt(10);
        return token.substring(0, 10) + (c == 'A' ? 'B' : 'A') + token.substring(11);
    }

    /** A token naming another request with the MAC of this one: the id part moved by {@code by}. */
    private String tokenOf(long round, String number, int by) {
        byte[] bytes = java.util.Base64.getUrlDecoder()
                .decode(token(linksUnchecked(round).get(number)));
        bytes[7] += (byte) by;
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Map<String, String> linksUnchecked(long round) {
        try {
            return links(round);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer: employed at a unit of its own naming with its terms, or of another kind without them. */
    private MockHttpServletRequestBuilder answer(String token, String satisfaction) {
        return answer(token, "EMPLOYED", "自荐的新单位", satisfaction);
    }

    private MockHttpServletRequestBuilder answer(String token, String kind, String employer, String satisfaction) {
        var request = post("/public/follow-up/" + token)
                .with(csrf())
                .param("kind", kind)
                .param("employerName", employer)
                .param("position", "玉雕学徒")
                .param("town", "石佛寺镇")
                .param("inCounty", "true")
                .param("satisfaction", satisfaction);
        if (kind.equals("EMPLOYED")) {
            request.param("terms.channel", "SCHOOL")
                    .param("terms.payBand", "TO_4000")
                    .param("terms.contract", "true")
                    .param("terms.insured", "true");
        }
        return request;
    }

    private Map<String, Object> request(String number) {
        return jdbc.sql("SELECT q.* FROM follow_up_request q JOIN student s ON s.id = q.student_id"
                        + " WHERE s.school_id = :school AND s.student_number = :n")
                .param("school", school)
                .param("n", number)
                .query()
                .singleRow();
    }

    private int destinations(String number) {
        return jdbc.sql("SELECT COUNT(*) FROM destination WHERE student_id = :s AND follow_up = 'MONTHS_6'"
                        + " AND confirmed")
                .param("s", studentId(number.substring(3)))
                .query(Integer.class)
                .single();
    }

    private String jadeUnitName() {
        return jdbc.sql(
                        "SELECT name FROM enterprise WHERE industry = 'JADE_CARVING' ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
    }

    private void student(String tag, String className, String status) {
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                               major_id, class_id, entry_year, status, graduation_year)
                        SELECT :school, :n, :name, '11010520030101002X', 'FEMALE', DATE '2003-01-01', 'RURAL', m.id,
                               (SELECT id FROM school_class WHERE school_id = :school AND name = :c), 2016, :status, :y
                        FROM major m WHERE m.code = '750107'
                        """)
                .param("school", school)
                .param("n", "FU-" + tag)
                .param("name", "跟" + (tag.startsWith("a") ? "甲" : "乙") + "一二三".charAt(tag.charAt(1) - '1'))
                .param("c", className)
                .param("status", status)
                .param("y", status.equals("GRADUATED") ? 2019 : null)
                .update();
    }

    private long studentId(String tag) {
        return jdbc.sql("SELECT id FROM student WHERE school_id = :school AND student_number = :n")
                .param("school", school)
                .param("n", "FU-" + tag)
                .query(Long.class)
                .single();
    }
}
