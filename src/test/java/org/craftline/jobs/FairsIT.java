package org.craftline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.craftline.support.PostgresTest;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job fair through the API: planned by the school administrator, units at booths with their
 * postings, a student registering itself, attendance with a walk-in, offers by the unit and by the
 * school (one moving the student's application to OFFERED), the figures; who is refused; the
 * printed list's text.
 */
@PostgresTest
class FairsIT {

    static final JsonMapper JSON = new JsonMapper();
    static final String FAIRS = "/api/v1/fairs";
    /** Today: an offer is dated on or after the fair's day and not ahead of today. */
    static final String DAY = java.time.LocalDate.now().toString();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    FairFixture fx;
    long jadeUnit;
    long tradeUnit;
    long farUnit;
    long designer;
    long seller;
    long apprentice;
    String registered;
    String walkIn;
    String otherSchoolStudent;
    String jadeUser;
    String tradeUser;
    String farUser;
    String studentUser;
    String otherStudentUser;
    String otherAdmin;

    @BeforeEach
    void setUp() {
        fx = new FairFixture(jdbc);
        jadeUnit = fx.enterprise("镇平翡翠玉雕坊");
        tradeUnit = fx.enterprise("石佛寺玉器商行");
        farUnit = fx.enterprise("南阳远方玉业");
        designer = fx.posting(jadeUnit, "玉雕设计师", 3);
        seller = fx.posting(jadeUnit, "玉器销售顾问", 2);
        apprentice = fx.posting(tradeUnit, "玉雕学徒", 5);
        registered = fx.student(fx.zhenping, "R");
        walkIn = fx.student(fx.zhenping, "W");
        otherSchoolStudent = fx.student(fx.neixiang, "N");
        jadeUser = fx.user("ENTERPRISE", fx.zhenping, jadeUnit, null);
        tradeUser = fx.user("ENTERPRISE", fx.zhenping, tradeUnit, null);
        farUser = fx.user("ENTERPRISE", fx.zhenping, farUnit, null);
        studentUser = fx.user("STUDENT", fx.zhenping, null, fx.studentId(registered));
        otherStudentUser = fx.user("STUDENT", fx.neixiang, null, fx.studentId(otherSchoolStudent));
        otherAdmin = fx.user("SCHOOL_ADMIN", fx.neixiang, null, null);
    }

    @AfterEach
    void cleanUp() {
        fx.cleanUp();
    }

    ResultActions call(MockHttpServletRequestBuilder request, String username, Object body) throws Exception {
        request.with(user(users.loadUserByUsername(username))).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsBytes(body));
        }
        return mvc.perform(request);
    }

    long createFair() throws Exception {
        Map<String, Object> fair = new LinkedHashMap<>();
        fair.put("name", "春季双选会" + fx.tag);
        fair.put("heldOn", DAY);
        fair.put("place", "镇平县职业教育中心体育馆");
        String body = call(post(FAIRS), TestUsers.SCHOOL_ADMIN, fair)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andExpect(jsonPath("$.schoolCode").value(TestUsers.ZHENPING))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void putUnits(long fair) throws Exception {
        call(post(FAIRS + "/" + fair + "/units"), TestUsers.SCHOOL_ADMIN, unit(jadeUnit, "A01", designer, seller))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.postings.length()").value(2));
        call(post(FAIRS + "/" + fair + "/units"), TestUsers.SCHOOL_ADMIN, unit(tradeUnit, "B02", apprentice))
                .andExpect(status().isOk());
    }

    static Map<String, Object> unit(long enterprise, String booth, Long... postings) {
        return Map.of("enterpriseId", enterprise, "booth", booth, "postingIds", List.of(postings));
    }

    static Map<String, Object> offer(Long enterprise, String student, long posting) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("enterpriseId", enterprise);
        offer.put("studentNumber", student);
        offer.put("postingId", posting);
        offer.put("offeredOn", DAY);
        return offer;
    }

    @Test
    void aFairFromPlanToOffersWithItsFigures() throws Exception {
        long fair = createFair();
        putUnits(fair);
        // a posting of another unit, a booth already given: refused at their fields
        call(post(FAIRS + "/" + fair + "/units"), TestUsers.SCHOOL_ADMIN, unit(farUnit, "C03", designer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("postingIds"));
        call(post(FAIRS + "/" + fair + "/units"), TestUsers.SCHOOL_ADMIN, unit(farUnit, "A01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("booth"));

        call(post("/api/v1/me/fairs/" + fair + "/registration"), studentUser, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownRegistration.registered").value(true))
                .andExpect(jsonPath("$.units.length()").value(2));
        for (String student : List.of(registered, walkIn)) {
            call(post(FAIRS + "/" + fair + "/attendance"), TestUsers.SCHOOL_ADMIN, Map.of("studentNumber", student))
                    .andExpect(status().isOk());
        }
        // attended: the registration stays
        call(delete("/api/v1/me/fairs/" + fair + "/registration"), studentUser, null)
                .andExpect(status().isBadRequest());

        long application = fx.application(designer, registered, fx.zhenping, "SHORTLISTED");
        Map<String, Object> ahead = offer(null, registered, designer);
        ahead.put("offeredOn", java.time.LocalDate.now().plusDays(7).toString());
        call(post(FAIRS + "/" + fair + "/offers"), jadeUser, ahead)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offeredOn"));
        call(post(FAIRS + "/" + fair + "/offers"), jadeUser, offer(null, registered, designer))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.enterpriseId").value(jadeUnit))
                .andExpect(jsonPath("$.studentName").value("双选生R"))
                .andExpect(jsonPath("$.studentNumber").doesNotExist())
                .andExpect(jsonPath("$.applicationOffered").value(true));
        assertThat(jdbc.sql("SELECT stage FROM job_application WHERE id = :id")
                        .param("id", application)
                        .query(String.class)
                        .single())
                .isEqualTo("OFFERED");
        assertThat(jdbc.sql("SELECT version FROM job_application WHERE id = :id")
                        .param("id", application)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM job_application_stage WHERE application_id = :id AND stage = 'OFFERED'")
                        .param("id", application)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        call(post(FAIRS + "/" + fair + "/offers"), TestUsers.SCHOOL_ADMIN, offer(tradeUnit, walkIn, apprentice))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.applicationOffered").value(false));
        call(post(FAIRS + "/" + fair + "/offers"), TestUsers.SCHOOL_ADMIN, offer(tradeUnit, walkIn, apprentice))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("postingId"));

        call(get(FAIRS + "/" + fair + "/figures"), TestUsers.BUREAU, null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units").value(2))
                .andExpect(jsonPath("$.postings").value(3))
                .andExpect(jsonPath("$.places").value(3 + 2 + 5))
                .andExpect(jsonPath("$.registrations").value(1))
                .andExpect(jsonPath("$.attended").value(2))
                .andExpect(jsonPath("$.offers").value(2));
        call(get(FAIRS + "/" + fair + "/registrations"), TestUsers.STAFF, null)
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.studentNumber == '" + walkIn + "')].registered")
                        .value(false));
        // each unit sees its own offers, the student its own, the school all
        call(get(FAIRS + "/" + fair + "/offers"), jadeUser, null)
                .andExpect(jsonPath("$.length()").value(1));
        call(get(FAIRS + "/" + fair + "/offers"), studentUser, null)
                .andExpect(jsonPath("$.length()").value(1));
        call(get(FAIRS + "/" + fair + "/offers"), TestUsers.SCHOOL_ADMIN, null)
                .andExpect(jsonPath("$.length()").value(2));

        String page = mvc.perform(get("/fairs/" + fair).with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("镇平翡翠玉雕坊" + fx.tag, "玉雕学徒", "A01", walkIn);
    }

    @Test
    void aStudentRegistersFromThePageAndTakesItBack() throws Exception {
        long fair = createFair();
        var student = user(users.loadUserByUsername(studentUser));
        mvc.perform(post("/me/fairs/" + fair + "/registration").with(student).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(registrations(fair)).isEqualTo(1);
        assertThat(mvc.perform(get("/fairs/" + fair).with(student))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("/me/fairs/" + fair + "/registration/delete");
        mvc.perform(post("/me/fairs/" + fair + "/registration/delete")
                        .with(student)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(registrations(fair)).isZero();
    }

    private long registrations(long fair) {
        return jdbc.sql("SELECT COUNT(*) FROM job_fair_registration WHERE fair_id = :f")
                .param("f", fair)
                .query(Long.class)
                .single();
    }

    @Test
    void aFairIsChangedFromTheVersionItWasReadAt() throws Exception {
        long fair = createFair();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("name", "春季双选会" + fx.tag);
        change.put("heldOn", "2027-04-16");
        change.put("place", "镇平县玉文化广场");
        change.put("status", "PLANNED");
        change.put("version", 0);
        call(put(FAIRS + "/" + fair), TestUsers.SCHOOL_ADMIN, change)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.place").value("镇平县玉文化广场"));
        call(put(FAIRS + "/" + fair), TestUsers.SCHOOL_ADMIN, change)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(1));
        // the teacher reads, the administrator changes
        change.put("version", 1);
        call(put(FAIRS + "/" + fair), TestUsers.STAFF, change).andExpect(status().isForbidden());
    }

    @Test
    void anotherSchoolAndAnotherUnitAreRefused() throws Exception {
        long fair = createFair();
        putUnits(fair);
        String fairPath = FAIRS + "/" + fair;
        call(get(fairPath), otherAdmin, null).andExpect(status().isNotFound());
        call(post(fairPath + "/units"), otherAdmin, unit(farUnit, "Z9")).andExpect(status().isNotFound());
        call(post(fairPath + "/attendance"), otherAdmin, Map.of("studentNumber", registered))
                .andExpect(status().isNotFound());
        call(post(fairPath + "/offers"), otherAdmin, offer(jadeUnit, registered, designer))
                .andExpect(status().isNotFound());
        call(get(FAIRS), otherAdmin, null)
                .andExpect(jsonPath("$.items[?(@.id == " + fair + ")]").isEmpty());
        mvc.perform(get("/fairs/" + fair).with(user(users.loadUserByUsername(otherAdmin))))
                .andExpect(status().isNotFound());
        call(post("/api/v1/me/fairs/" + fair + "/registration"), otherStudentUser, null)
                .andExpect(status().isNotFound());

        // a unit not at the fair does not see it; a unit at the fair records only at its own booth
        call(get(fairPath), farUser, null).andExpect(status().isNotFound());
        call(post(fairPath + "/offers"), farUser, offer(null, registered, designer))
                .andExpect(status().isNotFound());
        call(post(fairPath + "/offers"), tradeUser, offer(jadeUnit, registered, designer))
                .andExpect(status().isForbidden());
        call(post(fairPath + "/offers"), tradeUser, offer(null, registered, designer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("postingId"));
        // a student of the school sees the fair, not who else registered; units are the school's to place
        call(get(fairPath + "/registrations"), studentUser, null).andExpect(status().isForbidden());
        call(post(fairPath + "/units"), jadeUser, unit(jadeUnit, "A01", designer))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_fair_offer o JOIN job_fair_unit u ON u.id = o.fair_unit_id"
                                + " WHERE u.fair_id = :f")
                        .param("f", fair)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void thePrintedListCarriesTheUnitsAndPostsInChinese() throws Exception {
        long fair = createFair();
        putUnits(fair);
        byte[] pdf = mvc.perform(
                        get(FAIRS + "/" + fair + "/sheet").with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // a long name may wrap in its cell: compare without the line breaks
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text)
                    .contains("春季双选会" + fx.tag)
                    .contains("镇平县职业教育中心体育馆")
                    .contains("镇平翡翠玉雕坊" + fx.tag, "石佛寺玉器商行" + fx.tag)
                    .contains("玉雕设计师", "玉器销售顾问", "玉雕学徒")
                    .contains("A01", "B02");
            assertThat(fontNames(document)).anyMatch(name -> name.contains("DroidSansFallback"));
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
        }
        // the page's link prints the same list
        mvc.perform(get("/fairs/" + fair + "/sheet").with(user(users.loadUserByUsername(jadeUser))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
    }

    private static List<String> fontNames(PDDocument document) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                names.add(page.getResources().getFont(name).getName());
            }
        }
        return names;
    }
}
