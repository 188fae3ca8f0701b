package org.craftline.indicators;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each formula on a small data set checked by hand: a test school with 10 graduates of 2025 and one
 * of 2024.
 *
 * <pre>
 * 2025, at graduation: 4 employed (at enterprises A, A, B, C; 2 matched; 3 local), 1 further study,
 *                      1 self-employed in the own workshop F (matched, local), 1 military,
 *                      2 unemployed, 1 unknown
 * 2024: 1 graduate, employed at D at graduation and at E one year later (latest)
 * graduates_total = 11; employment_rate(2025, at graduation) = 7/10 = 0.7000;
 * the directly employed are the 4 employed and the self-employed one:
 * matched_employment_rate = (2 + 1)/5 = 0.6000; local_employment_share = (3 + 1)/5 = 0.8000;
 * enterprises_employing_graduates (latest point) = A, B, C, E and the workshop F = 5
 * </pre>
 */
@PostgresTest
class IndicatorsIT {

    static final String SCHOOL = "4141019999";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void handCheckedSchool() {
        if (jdbc.sql("SELECT COUNT(*) FROM school WHERE code = :c")
                        .param("c", SCHOOL)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        jdbc.sql(
                        "INSERT INTO school (code, name, region_id, founded_year) SELECT :c, '指标测试学校', id, 2000 FROM region WHERE code = '411324'")
                .param("c", SCHOOL)
                .update();
        long[] e = new long[6];
        for (int i = 0; i < 6; i++) {
            e[i] = jdbc.sql("SELECT id FROM enterprise ORDER BY id OFFSET :n ROWS FETCH FIRST 1 ROWS ONLY")
                    .param("n", i)
                    .query(Long.class)
                    .single();
        }
        String[][] rows = {
            {"EMPLOYED", "0", "t", "t"},
            {"EMPLOYED", "0", "t", "t"},
            {"EMPLOYED", "1", "f", "t"},
            {"EMPLOYED", "2", "f", "f"},
            {"FURTHER_STUDY", "", "f", "f"},
            {"SELF_EMPLOYED", "5", "t", "t"},
            {"MILITARY", "", "f", "f"},
            {"UNEMPLOYED", "", "f", "f"},
            {"UNEMPLOYED", "", "f", "f"},
            {"UNKNOWN", "", "f", "f"}
        };
        for (int n = 0; n < rows.length; n++) {
            long student = graduate("IND25-" + n, 2025);
            Long enterprise = rows[n][1].isEmpty() ? null : e[Integer.parseInt(rows[n][1])];
            destination(
                    student,
                    2025,
                    "AT_GRADUATION",
                    0,
                    rows[n][0],
                    enterprise,
                    rows[n][2].equals("t"),
                    rows[n][3].equals("t"),
                    true);
        }
        long old = graduate("IND24-0", 2024);
        destination(old, 2024, "AT_GRADUATION", 0, "EMPLOYED", e[3], true, true, false);
        destination(old, 2024, "YEAR_1", 2, "EMPLOYED", e[4], true, true, true);
    }

    @Test
    void eachFormulaGivesTheHandCheckedValue() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", SCHOOL)
                        .param("year", "2025")
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.school").value(SCHOOL))
                .andExpect(jsonPath("$.year").value(2025))
                .andExpect(jsonPath("$.point").value("AT_GRADUATION"))
                .andExpect(jsonPath("$.indicators.graduates_total").value(11))
                .andExpect(jsonPath("$.indicators.employment_rate").value(0.7))
                .andExpect(jsonPath("$.indicators.matched_employment_rate").value(0.6))
                .andExpect(jsonPath("$.indicators.local_employment_share").value(0.8))
                .andExpect(
                        jsonPath("$.indicators.enterprises_employing_graduates").value(5));
    }

    @Test
    void theDefaultYearIsTheLatestCohortAndAPointWithoutRecordsHasNoRate() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", SCHOOL)
                        .param("point", "YEAR_3")
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.year").value(2025))
                .andExpect(jsonPath("$.indicators.employment_rate").value(0.0))
                .andExpect(jsonPath("$.indicators.matched_employment_rate").value(org.hamcrest.Matchers.nullValue()));
        mvc.perform(get("/api/v1/indicators")
                        .param("school", SCHOOL)
                        .param("point", "SOMEDAY")
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isBadRequest());
        // a whole region reads its latest year from its own summary rows: the latest of its graduates
        int latest = jdbc.sql("""
                        SELECT MAX(s.graduation_year) FROM student s JOIN school sc ON sc.id = s.school_id
                        JOIN region r ON r.id = sc.region_id
                        WHERE r.path LIKE (SELECT path FROM region WHERE code = '411300') || '%'
                          AND s.status = 'GRADUATED'""").query(Integer.class).single();
        mvc.perform(get("/api/v1/indicators")
                        .param("region", "411300")
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.year").value(latest));
    }

    @Test
    void aSchoolUserGetsOnlyItsOwnSchoolAndTheBureauItsRegion() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", SCHOOL)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.NEIXIANG)
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/indicators")
                        .param("region", "411300")
                        .with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.schools").value(org.hamcrest.Matchers.greaterThanOrEqualTo(4)));
        mvc.perform(get("/api/v1/indicators").param("group", "1").with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.schools").value(3));
    }

    @Test
    void aScopeNotFoundIsNamedInTheCallersOwnWords() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.NEIXIANG)
                        .param("year", "2025")
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("school not found: " + TestUsers.NEIXIANG));
        mvc.perform(get("/api/v1/indicators")
                        .param("region", "411325")
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("region not found: 411325"));
    }

    @Test
    void aBureauUserBoundToAGroupSeesTheGroupsSchools() throws Exception {
        var admin = org.craftline.support.Sessions.login(mvc, TestUsers.ADMIN);
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/users")
                                .session(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("username", "group-office")
                                .param("displayName", "镇平玉雕职教集团办公室")
                                .param("role", "BUREAU")
                                .param("groupId", "2")
                                .param("enabled", "true")
                                .param("password", TestUsers.PASSWORD))
                .andExpect(status().is3xxRedirection());
        var office = httpBasic("group-office", TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/schools").with(office))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value(TestUsers.ZHENPING));
        mvc.perform(get("/api/v1/indicators").param("group", "2").with(office))
                .andExpect(jsonPath("$.scope.schools").value(1));
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.NEIXIANG)
                        .with(office))
                .andExpect(status().isNotFound());
    }

    private long graduate(String number, int year) {
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household, major_id,
                               entry_year, status, graduation_year)
                        SELECT s.id, :n, '测试', '11010519491231002X', 'FEMALE', DATE '1949-12-31', 'RURAL', m.id, :y - 3,
                               'GRADUATED', :y FROM school s, major m WHERE s.code = :c AND m.code = '750107'
                        """).param("n", number).param("y", year).param("c", SCHOOL).update();
        return jdbc.sql("SELECT id FROM student WHERE student_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    private void destination(
            long student,
            int year,
            String point,
            int rank,
            String kind,
            Long enterprise,
            boolean matched,
            boolean local,
            boolean latest) {
        jdbc.sql("""
                        INSERT INTO destination (student_id, school_id, graduation_year, follow_up, follow_up_rank, recorded_on, kind,
                               enterprise_id, local_job, matched, source, confirmed, latest)
                        SELECT :s, school_id, :y, :p, :r, :on, :k, :e, :local, :matched, 'SCHOOL', TRUE, :latest
                        FROM student WHERE id = :s
                        """)
                .param("s", student)
                .param("y", year)
                .param("p", point)
                .param("r", rank)
                .param("on", LocalDate.of(year, 7, 1))
                .param("k", kind)
                .param("e", enterprise)
                .param("local", local)
                .param("matched", matched)
                .param("latest", latest)
                .update();
    }
}
