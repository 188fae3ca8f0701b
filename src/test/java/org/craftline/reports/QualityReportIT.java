package org.craftline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.text.PDFTextStripper;
import org.craftline.indicators.Indicators;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Tenancy;
import org.craftline.support.InternshipFixture;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The annual quality report of the demo Zhenping school in its three formats. The expected figures
 * are not typed in: they come from {@link Indicators#compute} in the test and are formatted here
 * the way the report promises (rates as percentages with one decimal, yuan with thousands
 * separators); the school's name comes from the school table.
 */
@PostgresTest
class QualityReportIT {

    static final String API = "/api/v1/reports/quality";
    static final String TITLE = "中等职业教育质量年度报告";
    static final String NEIXIANG_ADMIN = "quality-neixiang-admin";
    static final String INTERNSHIP_SCHOOL = "4141019972";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Indicators indicators;

    @Autowired
    MessageSource messages;

    @Test
    void thePdfShowsTheSchoolAndItsFiguresInChineseWithPageNumbersAndTheEmbeddedFont() throws Exception {
        Indicators.Answer answer = zhenpingIndicators();
        long started = System.nanoTime();
        MockHttpServletResponse response = mvc.perform(get(API).param("school", TestUsers.ZHENPING)
                        .param("format", "pdf")
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string(
                                "Content-Disposition",
                                "attachment; filename=\"quality-report-" + TestUsers.ZHENPING + "-" + answer.year()
                                        + ".pdf\""))
                .andReturn()
                .getResponse();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Quality report PDF for " + TestUsers.ZHENPING + ": " + millis + " ms, "
                + response.getContentAsByteArray().length + " bytes");
        // kept for a look by eye (target/ is not committed)
        Files.write(
                Path.of("target", "quality-report-" + TestUsers.ZHENPING + ".pdf"), response.getContentAsByteArray());
        assertThat(millis).as("PDF time in ms").isLessThan(5_000);

        try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            Map<String, Number> values = answer.indicators();
            assertThat(text)
                    .contains(schoolName(TestUsers.ZHENPING))
                    .contains(TITLE)
                    .contains(percent(values.get("employment_rate")))
                    .contains(percent(values.get("practical_training_rate")))
                    .contains(yuan(values.get("funds_awarded")))
                    .containsPattern("(?m)^1 / " + pdf.getNumberOfPages() + "\\s*$")
                    .as("no internal indicator names, no section numbered twice")
                    .doesNotContainPattern("[a-z]+_[a-z_]+")
                    .doesNotContainPattern("(?m)^\\s*\\d+\\.\\s+\\d+ ");
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertThat(fontNames(pdf)).anyMatch(name -> name.contains("DroidSansFallback"));
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            assertThat(pdf.getDocumentInformation().getTitle()).contains(TITLE);
            assertThat(pdf.getDocumentCatalog()
                            .getDocumentOutline()
                            .getFirstChild()
                            .getTitle())
                    .isEqualTo("1 " + text("quality.s1", Locale.SIMPLIFIED_CHINESE));
        }
    }

    @Test
    void theEnglishPdfIsInEnglishAndAsQuick() throws Exception {
        long started = System.nanoTime();
        byte[] bytes = mvc.perform(get(API).param("school", TestUsers.ZHENPING)
                        .param("format", "pdf")
                        .param("lang", "en")
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Quality report PDF (en) for " + TestUsers.ZHENPING + ": " + millis + " ms");
        assertThat(millis).as("PDF time in ms").isLessThan(5_000);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("1 " + text("quality.s1", Locale.ENGLISH))
                    .contains("7 " + text("quality.s7", Locale.ENGLISH));
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
    }

    @Test
    void theWorkbookHasOneSheetPerSectionWithNumbersAsNumbers() throws Exception {
        Indicators.Answer answer = zhenpingIndicators();
        byte[] xlsx = mvc.perform(get(API).param("school", TestUsers.ZHENPING)
                        .param("format", "xlsx")
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).hasSize(8);
            for (int s = 0; s < 8; s++) {
                assertThat(sheets.get(s).getName())
                        .isEqualTo((s + 1) + " " + text("quality.s" + (s + 1), Locale.SIMPLIFIED_CHINESE))
                        .hasSizeLessThanOrEqualTo(31);
            }
            Map<String, Number> values = answer.indicators();
            assertThat(number(sheets.get(1), "quality.students.employmentRate"))
                    .isEqualByComparingTo(decimal(values.get("employment_rate")));
            assertThat(number(sheets.get(5), "quality.funds.awarded"))
                    .isEqualByComparingTo(decimal(values.get("funds_awarded")));
        }
    }

    @Test
    void theHtmlDocumentIsWellFormedAndNamesTheSchoolAndEverySection() throws Exception {
        MockHttpServletResponse response = mvc.perform(get(API).param("school", TestUsers.ZHENPING)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse();
        String html = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(schoolName(TestUsers.ZHENPING)).contains(TITLE);
        for (int s = 1; s <= 7; s++) {
            assertThat(html).contains(s + " " + text("quality.s" + s, Locale.SIMPLIFIED_CHINESE));
        }
        // the stylesheet is linked, never inline, so a style-src 'self' policy cannot strip it
        // by its content hash, as the pages link theirs, since static files are cached for a year
        assertThat(html)
                .containsPattern("/css/quality-report-[0-9a-f]{32}\\.css")
                .doesNotContain("<style");
        assertThat(html).as("indicator names are for the API").doesNotContain("funds_awarded");
        assertThat(html)
                .as("the contents do not number the numbered headings again")
                .doesNotContain("<ol");
        DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.getContentAsByteArray()));

        String english = mvc.perform(get(API).param("school", TestUsers.ZHENPING)
                        .param("format", "html")
                        .param("lang", "en")
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("1 " + text("quality.s1", Locale.ENGLISH)).contains("lang=\"en\"");
    }

    @Test
    void theSectionOnStudentsStatesTheInternshipFiguresInEveryFormat() throws Exception {
        // figures derived by hand in InternshipFixture; the log rate is for a today after April 2026
        Map<String, String> expected = Map.of(
                "quality.students.internshipRate", "42.9%",
                "quality.students.internshipInsuredRate", "60.0%",
                "quality.students.internshipAgreementRate", "40.0%",
                "quality.students.matchedInternshipRate", "66.7%",
                "quality.students.logSubmissionRate", "40.3%",
                "quality.students.internshipPassRate", "50.0%",
                "quality.students.internshipsAtRisk", "3");
        InternshipFixture fixture = new InternshipFixture(jdbc, INTERNSHIP_SCHOOL);
        fixture.create();
        try {
            String html = new String(internshipReport("html"), StandardCharsets.UTF_8);
            expected.forEach((key, value) -> assertThat(html)
                    .containsPattern(java.util.regex.Pattern.quote(text(key, Locale.SIMPLIFIED_CHINESE))
                            + "</th>\\s*<td class=\"text-end\">" + java.util.regex.Pattern.quote(value) + "</td>"));
            assertThat(html).contains(text("quality.students.internshipsNote", Locale.SIMPLIFIED_CHINESE));

            byte[] pdf = internshipReport("pdf");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                // a long label may wrap in its cell: compare without the line breaks
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
                expected.forEach(
                        (key, value) -> assertThat(text).contains(text(key, Locale.SIMPLIFIED_CHINESE) + value));
            }

            byte[] xlsx = internshipReport("xlsx");
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet students = workbook.getSheets().toList().get(1);
                assertThat(number(students, "quality.students.internshipRate")).isEqualByComparingTo("0.4286");
                assertThat(number(students, "quality.students.matchedInternshipRate"))
                        .isEqualByComparingTo("0.6667");
                assertThat(number(students, "quality.students.internshipsAtRisk"))
                        .isEqualByComparingTo("3");
            }
        } finally {
            fixture.remove();
        }
    }

    /** The 2025 report of the internship fixture school, as the operator downloads it. */
    private byte[] internshipReport(String format) throws Exception {
        return mvc.perform(get(API).param("school", INTERNSHIP_SCHOOL)
                        .param("year", "2025")
                        .param("format", format)
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void thePageShowsTheReportWithAYearPickerAndTheDownloads() throws Exception {
        var session = Sessions.login(mvc, TestUsers.STAFF);
        String page = mvc.perform(get("/reports/quality").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains(schoolName(TestUsers.ZHENPING))
                .contains("1 " + text("quality.s1", Locale.SIMPLIFIED_CHINESE))
                .contains("<label class=\"text-nowrap\" for=\"quality-year\"")
                .contains("format=pdf")
                .contains("format=xlsx");
        mvc.perform(get("/reports/quality").param("format", "pdf").session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));

        var bureau = Sessions.login(mvc, TestUsers.BUREAU);
        mvc.perform(get("/reports/quality").session(bureau))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                text("quality.page.chooseSchool", Locale.SIMPLIFIED_CHINESE))));
        mvc.perform(get("/reports/quality")
                        .param("school", TestUsers.ZHENPING)
                        .param("year", "1800")
                        .session(bureau))
                .andExpect(status().isBadRequest())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                text("quality.year.invalid", Locale.SIMPLIFIED_CHINESE))));
    }

    @Test
    void aBadFormatOrYearIsAProblem() throws Exception {
        var basic = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
        mvc.perform(get(API).param("school", TestUsers.ZHENPING)
                        .param("format", "docx")
                        .with(basic))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        for (String year : List.of("1989", "2101")) {
            mvc.perform(get(API).param("school", TestUsers.ZHENPING)
                            .param("year", year)
                            .with(basic))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("year"));
        }
    }

    @Test
    void anotherSchoolsUserGets404AndNobodyUnsignedGetsIn() throws Exception {
        mvc.perform(get(API).param("school", TestUsers.ZHENPING)
                        .param("format", "pdf")
                        .with(neixiangAdmin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get(API).param("school", TestUsers.ZHENPING)
                        .with(httpBasic(TestUsers.ENTERPRISE, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get(API).param("school", TestUsers.ZHENPING)).andExpect(status().isUnauthorized());
    }

    /** The indicators as the report reads them, computed as the operator (who may read every school). */
    private Indicators.Answer zhenpingIndicators() {
        CurrentUser operator = new CurrentUser(0, "test", "test", Role.SYSTEM_ADMIN, null, null, null, null, null);
        Tenancy.HasCurrentUser principal = () -> operator;
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(principal, null, Role.SYSTEM_ADMIN.authority()));
        try {
            return indicators.compute(new Indicators.Request(TestUsers.ZHENPING, null, null, null, null, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String percent(Number rate) {
        return decimal(rate).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String yuan(Number amount) {
        return String.format(Locale.ROOT, "%,.2f", decimal(amount));
    }

    private static BigDecimal decimal(Number n) {
        assertThat(n).as("an indicator the report states").isNotNull();
        return new BigDecimal(n.toString());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String schoolName(String code) {
        return jdbc.sql("SELECT name FROM school WHERE code = :c")
                .param("c", code)
                .query(String.class)
                .single();
    }

    private static List<String> fontNames(PDDocument pdf) throws IOException {
        List<String> names = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                names.add(resources.getFont(name).getName());
            }
        }
        return names;
    }

    /** The value beside the label of a figure on a sheet. */
    private BigDecimal number(Sheet sheet, String labelKey) throws IOException {
        String label = text(labelKey, Locale.SIMPLIFIED_CHINESE);
        try (Stream<Row> rows = sheet.openStream()) {
            Optional<BigDecimal> value =
                    rows.filter(r -> label.equals(r.getCellText(0))).findFirst().flatMap(r -> r.getCellAsNumber(1));
            assertThat(value).as(label).isPresent();
            return value.get();
        }
    }

    private RequestPostProcessor neixiangAdmin() throws Exception {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
                        .param("u", NEIXIANG_ADMIN)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            mvc.perform(post("/admin/users")
                            .session(Sessions.login(mvc, TestUsers.ADMIN))
                            .with(csrf())
                            .param("username", NEIXIANG_ADMIN)
                            .param("displayName", "内乡质量报告测试管理员")
                            .param("role", "SCHOOL_ADMIN")
                            .param("schoolCode", TestUsers.NEIXIANG)
                            .param("enabled", "true")
                            .param("password", TestUsers.PASSWORD))
                    .andExpect(status().is3xxRedirection());
        }
        return httpBasic(NEIXIANG_ADMIN, TestUsers.PASSWORD);
    }
}
