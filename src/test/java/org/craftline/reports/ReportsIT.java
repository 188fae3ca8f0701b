package org.craftline.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.indicators.EmploymentBreakdowns;
import org.craftline.indicators.IndicatorScope;
import org.craftline.reports.support.Figures;
import org.craftline.support.InternshipFixture;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The dashboards, the comparison and the profile against the indicators they are made of. */
@PostgresTest
class ReportsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    EmploymentBreakdowns breakdowns;

    private String json(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(request.with(httpBasic(user, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private Map<String, Object> indicators(String school, Object year) throws Exception {
        return JsonPath.read(
                json(
                        get("/api/v1/indicators").param("school", school).param("year", String.valueOf(year)),
                        TestUsers.SCHOOL_ADMIN),
                "$.indicators");
    }

    @Test
    void theDashboardsChartsAgreeWithTheIndicators() throws Exception {
        String body =
                json(get("/api/v1/reports/dashboard").param("school", TestUsers.ZHENPING), TestUsers.SCHOOL_ADMIN);
        int year = JsonPath.read(body, "$.year");
        Map<String, Object> values = indicators(TestUsers.ZHENPING, year);
        List<Integer> graduates = JsonPath.read(body, "$.tables[?(@.key == 'graduates')].rows[*].values[0]");
        assertThat(graduates.stream().mapToLong(Integer::longValue).sum())
                .isEqualTo(((Number) values.get("graduates_total")).longValue());
        List<Double> employment =
                JsonPath.read(body, "$.tables[?(@.key == 'employment')].rows[?(@.label == '" + year + "')].values[0]");
        assertThat(new BigDecimal(employment.get(0).toString()))
                .isEqualByComparingTo(Figures.percent((Number) values.get("employment_rate")));
        List<Integer> masters = JsonPath.read(body, "$.tables[?(@.key == 'masters')].rows[*].values[0]");
        assertThat(masters)
                .containsExactly(
                        (Integer) values.get("masters_national"),
                        (Integer) values.get("masters_provincial_municipal"),
                        (Integer) values.get("senior_craftsmen"));
        List<Integer> industries = JsonPath.read(body, "$.tables[?(@.key == 'industry')].rows[*].values[0]");
        List<Integer> towns = JsonPath.read(body, "$.tables[?(@.key == 'town')].rows[*].values[0]");
        assertThat(industries.stream().mapToInt(Integer::intValue).sum())
                .as("every employed graduate in one industry and one town row")
                .isEqualTo(towns.stream().mapToInt(Integer::intValue).sum())
                .isPositive();
        for (String key : List.of("practical", "funds", "social")) {
            List<Object> rows = JsonPath.read(body, "$.tables[?(@.key == '" + key + "')].rows[*]");
            assertThat(rows).as(key).isNotEmpty();
        }
        List<Object> figures = JsonPath.read(body, "$.figures[?(@.name == 'graduates_total')].value");
        assertThat(figures).containsExactly(values.get("graduates_total"));
        // a school's dashboard charts the ministry's breakdown at its point, as the breakdown's API counts it
        String point = JsonPath.read(body, "$.point");
        String breakdown = json(
                get("/api/v1/indicators/breakdown")
                        .param("school", TestUsers.ZHENPING)
                        .param("year", String.valueOf(year)),
                TestUsers.SCHOOL_ADMIN);
        String counts = "$[?(@.counts.followUp == '" + point + "')].counts.";
        assertThat(JsonPath.<List<Integer>>read(body, "$.tables[?(@.key == 'channel')].rows[*].values[0]"))
                .containsExactly(
                        JsonPath.<List<Integer>>read(breakdown, counts + "channelSchool")
                                .get(0),
                        JsonPath.<List<Integer>>read(breakdown, counts + "channelAgency")
                                .get(0),
                        JsonPath.<List<Integer>>read(breakdown, counts + "channelOther")
                                .get(0));
        List<Integer> pay = JsonPath.read(body, "$.tables[?(@.key == 'pay')].rows[*].values[0]");
        assertThat(pay)
                .hasSize(6)
                .first()
                .isEqualTo(JsonPath.<List<Integer>>read(breakdown, counts + "payUpTo2000")
                        .get(0));
        // the response chart: each point's round as the response API counts it, then the employer survey
        String responses = json(
                get("/api/v1/indicators/follow-up-responses")
                        .param("school", TestUsers.ZHENPING)
                        .param("year", String.valueOf(year)),
                TestUsers.SCHOOL_ADMIN);
        List<Integer> asked = JsonPath.read(responses, "$[*].asked");
        assertThat(asked).as("the demo year's follow-up rounds").isNotEmpty();
        List<Integer> answered = JsonPath.read(responses, "$[*].answered");
        List<Double> rates = JsonPath.read(body, "$.tables[?(@.key == 'response')].rows[*].values[0]");
        assertThat(rates).hasSizeGreaterThanOrEqualTo(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            assertThat(new BigDecimal(rates.get(i).toString()))
                    .isEqualByComparingTo(Figures.percent(Figures.rate(answered.get(i), asked.get(i))));
        }
        List<Object> ratings = JsonPath.read(body, "$.tables[?(@.key == 'ratings')].rows[*]");
        assertThat(ratings)
                .as("the graduates' and the employers' ratings of the demo year")
                .isNotEmpty();
        List<Integer> regions = JsonPath.read(body, "$.tables[?(@.key == 'region')].rows[*].values[0]");
        assertThat(regions.stream().mapToInt(Integer::intValue).sum())
                .as("each directly employed graduate local, elsewhere or abroad")
                .isEqualTo(JsonPath.<List<Integer>>read(
                                breakdown, "$[?(@.counts.followUp == '" + point + "')].directlyEmployed")
                        .get(0));
    }

    @Test
    void theDashboardHeadlinesTheInternshipFiguresWithTheirLabels() throws Exception {
        // figures derived by hand in InternshipFixture
        InternshipFixture fixture = new InternshipFixture(jdbc, "4141019973");
        fixture.create();
        try {
            for (String lang : List.of("zh", "en")) {
                String body = json(
                        get("/api/v1/reports/dashboard")
                                .param("school", "4141019973")
                                .param("year", "2025")
                                .param("lang", lang),
                        TestUsers.ADMIN);
                Locale locale = lang.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
                assertFigure(body, "internship_rate", 0.4286, "42.9%", locale);
                assertFigure(body, "internship_insured_rate", 0.6, "60.0%", locale);
                assertFigure(body, "internships_at_risk", 3, "3", locale);
            }
        } finally {
            fixture.remove();
        }
    }

    private void assertFigure(String body, String name, Number value, String text, Locale locale) {
        String figure = "$.figures[?(@.name == '" + name + "')]";
        assertThat(JsonPath.<List<Number>>read(body, figure + ".value"))
                .singleElement()
                .satisfies(v -> assertThat(new BigDecimal(v.toString())).isEqualByComparingTo(value.toString()));
        assertThat(JsonPath.<List<String>>read(body, figure + ".text")).containsExactly(text);
        assertThat(JsonPath.<List<String>>read(body, figure + ".label"))
                .containsExactly(messages.getMessage("indicator." + name, null, locale));
    }

    @Test
    void aGroupsDashboardCoversItsMemberSchools() throws Exception {
        long group = jdbc.sql("SELECT g.id FROM edu_group g JOIN edu_group_member m ON m.group_id = g.id"
                        + " JOIN school s ON s.id = m.school_id WHERE s.code = :c AND m.role = 'DIRECTOR'")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        String body = json(get("/api/v1/reports/dashboard").param("group", String.valueOf(group)), TestUsers.ADMIN);
        assertThat(JsonPath.<String>read(body, "$.subject.kind")).isEqualTo("group");
        // a group's dashboard charts the breakdown of its schools (from the summaries), as the API counts it
        String point = JsonPath.read(body, "$.point");
        java.util.Set<Long> members =
                new java.util.HashSet<>(jdbc.sql("SELECT school_id FROM edu_group_member WHERE group_id = :g")
                        .param("g", group)
                        .query(Long.class)
                        .list());
        EmploymentBreakdowns.Breakdown live =
                breakdowns
                        .live(new IndicatorScope(members, (Integer) JsonPath.read(body, "$.year"), point, ""))
                        .stream()
                        .filter(b -> b.followUp().equals(point))
                        .findFirst()
                        .orElseThrow();
        assertThat(JsonPath.<List<Integer>>read(body, "$.tables[?(@.key == 'sector')].rows[*].values[0]").stream()
                        .map(Integer::longValue)
                        .toList())
                .as("the group's sectors, from the summaries, as its members' records count them")
                .containsExactly(live.sectorPrimary(), live.sectorSecondary(), live.sectorTertiary());
        String values = json(get("/api/v1/indicators").param("group", String.valueOf(group)), TestUsers.ADMIN);
        List<Object> total = JsonPath.read(body, "$.figures[?(@.name == 'graduates_total')].value");
        assertThat(total).containsExactly((Object) JsonPath.read(values, "$.indicators.graduates_total"));
        String partial =
                json(get("/api/v1/reports/dashboard").param("group", String.valueOf(group)), TestUsers.SCHOOL_ADMIN);
        assertThat(JsonPath.<String>read(partial, "$.subject.name"))
                .as("a school sees its group's dashboard only for itself, and the heading says so")
                .contains("您可查看的 1/");
        mvc.perform(get("/api/v1/reports/dashboard").with(httpBasic(TestUsers.ENTERPRISE, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        String comparison =
                json(get("/api/v1/reports/comparison").param("group", String.valueOf(group)), TestUsers.ADMIN);
        assertThat(JsonPath.<List<String>>read(comparison, "$.rows[*].code")).contains(TestUsers.ZHENPING);
    }

    @Test
    void theBureauComparesItsSchoolsSortedByAnyColumn() throws Exception {
        String desc = json(
                get("/api/v1/reports/comparison")
                        .param("sort", "graduates_total")
                        .param("dir", "desc"),
                TestUsers.BUREAU);
        List<Integer> totals = JsonPath.read(desc, "$.rows[*].values.graduates_total");
        List<String> codes = JsonPath.read(desc, "$.rows[*].code");
        assertThat(codes).contains(TestUsers.ZHENPING, TestUsers.NEIXIANG);
        assertThat(totals).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        String asc = json(
                get("/api/v1/reports/comparison")
                        .param("sort", "graduates_total")
                        .param("dir", "asc"),
                TestUsers.BUREAU);
        assertThat(JsonPath.<List<Integer>>read(asc, "$.rows[*].values.graduates_total"))
                .isSorted();
        // each row is the indicators endpoint's figure for that school
        List<Integer> zhenping =
                JsonPath.read(desc, "$.rows[?(@.code == '" + TestUsers.ZHENPING + "')].values.graduates_total");
        assertThat(zhenping).containsExactly((Integer)
                indicators(TestUsers.ZHENPING, JsonPath.read(desc, "$.year")).get("graduates_total"));
        mvc.perform(get("/api/v1/reports/comparison")
                        .param("sort", "password")
                        .with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void theComparisonPageShowsEachSchoolsFiguresAsTheApiHasThem() throws Exception {
        String api = json(get("/api/v1/reports/comparison").param("sort", "graduates_total"), TestUsers.BUREAU);
        Number zhenping = JsonPath.<List<Number>>read(
                        api, "$.rows[?(@.code == '" + TestUsers.ZHENPING + "')].values.graduates_total")
                .get(0);
        var bureau = Sessions.login(mvc, TestUsers.BUREAU);
        String body = mvc.perform(get("/dashboard/schools/body")
                        .param("sort", "graduates_total")
                        .session(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .as("the cell and the chart's value, not a dash")
                .contains(">" + Figures.format("graduates_total", zhenping) + "<")
                .contains("data-value=\"" + zhenping + "\"");
    }

    @Test
    void aSchoolSeesOnlyItself() throws Exception {
        String body = json(get("/api/v1/reports/comparison"), TestUsers.SCHOOL_ADMIN);
        assertThat(JsonPath.<List<String>>read(body, "$.rows[*].code")).containsExactly(TestUsers.ZHENPING);
        mvc.perform(get("/api/v1/reports/profile")
                        .param("school", TestUsers.NEIXIANG)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/dashboard")
                        .param("school", TestUsers.NEIXIANG)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/reports/profile").param("school", TestUsers.ZHENPING))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theProfileIsProseOfTheIndicatorsInEitherLanguage() throws Exception {
        String zh = json(
                get("/api/v1/reports/profile")
                        .param("school", TestUsers.ZHENPING)
                        .param("lang", "zh"),
                TestUsers.SCHOOL_ADMIN);
        String en = json(
                get("/api/v1/reports/profile")
                        .param("school", TestUsers.ZHENPING)
                        .param("lang", "en"),
                TestUsers.SCHOOL_ADMIN);
        Map<String, Object> values = indicators(TestUsers.ZHENPING, JsonPath.read(zh, "$.year"));
        String chinese = String.join("", JsonPath.<List<String>>read(zh, "$.paragraphs"));
        String english = String.join(" ", JsonPath.<List<String>>read(en, "$.paragraphs"));
        String graduates = Figures.number((Number) values.get("graduates_total"));
        assertThat(chinese)
                .contains("累计向社会输送毕业生" + graduates + "名")
                .contains("国家级大师" + values.get("masters_national") + "名")
                .contains("毕业生就业于" + Figures.number((Number) values.get("enterprises_employing_graduates")) + "家企业")
                .contains("实训项目开出率为" + Figures.percentText((Number) values.get("practical_training_rate")));
        assertThat(english)
                .contains("sent " + graduates + " graduates")
                .contains(values.get("masters_national") + " national masters")
                .doesNotContain("累计");
        assertThat(JsonPath.<String>read(en, "$.lang")).isEqualTo("en");
        assertThat(JsonPath.<Integer>read(zh, "$.practicalTrainingRank.position"))
                .isPositive();
        mvc.perform(get("/api/v1/reports/profile")
                        .param("school", TestUsers.ZHENPING)
                        .param("lang", "fr")
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void pagesRenderAndEveryTableExports() throws Exception {
        var school = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        for (String path : List.of(
                "/",
                "/dashboard",
                "/dashboard/body",
                "/dashboard/schools",
                "/dashboard/schools/body",
                "/reports/profile",
                "/reports/profile?lang=en")) {
            mvc.perform(get(path).session(school)).andExpect(status().isOk());
        }
        var bureau = Sessions.login(mvc, TestUsers.BUREAU);
        for (String path : List.of(
                "/",
                "/dashboard?region=411300",
                "/dashboard/body?region=411300",
                "/dashboard/schools/body?sort=practical_training_rate&dir=desc",
                "/dashboard/schools?sort=practical_training_rate&dir=desc",
                "/dashboard?school=" + TestUsers.NEIXIANG,
                "/reports/profile?school=" + TestUsers.ZHENPING)) {
            mvc.perform(get(path).session(bureau)).andExpect(status().isOk());
        }
        for (String chart :
                List.of("graduates", "employment", "industry", "town", "masters", "practical", "funds", "social")) {
            byte[] xlsx = mvc.perform(
                            get("/dashboard/export").param("chart", chart).session(school))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                List<Row> rows = workbook.getFirstSheet().read();
                assertThat(rows.size()).as(chart).isGreaterThan(1);
            }
        }
        byte[] schools = mvc.perform(get("/dashboard/schools/export").session(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(schools))) {
            assertThat(workbook.getFirstSheet().read().size()).isGreaterThanOrEqualTo(4);
        }
        String body = mvc.perform(get("/dashboard/body").session(school))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("id=\"figure-graduates_total\"").contains("id=\"chart-masters\"");
        assertThat(body).as("a fragment, not a page").doesNotContain("<nav class=\"navbar");
        // two schools a page: the bureau's region holds three, so there is a second page
        String page2 = mvc.perform(get("/dashboard/schools/body")
                        .param("page", "2")
                        .param("sort", "graduates_total")
                        .param("size", "2")
                        .session(bureau))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page2).as("the pager keeps the sort").contains("sort=graduates_total&amp;size=2&amp;page=1");
        mvc.perform(get("/dashboard/export").param("chart", "nothing").session(school))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dashboard/body").param("point", "NEVER").session(school))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/dashboard/schools/body").param("sort", "nothing").session(bureau))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/reports/dashboard")
                        .param("year", "soon")
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest());
    }
}
