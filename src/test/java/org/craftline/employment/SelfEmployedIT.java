package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A self-employed graduate (个体经营) naming its own registry unit is matched and local by the rule of
 * the employed, on the API and in the import; a destination that is not work is never local.
 */
@PostgresTest
class SelfEmployedIT {

    static final String SCHOOL = "4141019961";
    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long graduate;

    @BeforeEach
    void aJadeCarvingGraduateOfACountySchool() {
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT :c, '个体测试学校', id, 2000 FROM region WHERE code = '411324'")
                .param("c", SCHOOL)
                .update();
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household, major_id,
                               entry_year, status, graduation_year)
                        SELECT s.id, 'SE25-1', '测试', '11010519491231002X', 'FEMALE', DATE '1949-12-31', 'RURAL', m.id, 2022,
                               'GRADUATED', 2025 FROM school s, major m WHERE s.code = :c AND m.code = '750107'
                        """).param("c", SCHOOL).update();
        graduate = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :c AND s.student_number = 'SE25-1'")
                .param("c", SCHOOL)
                .query(Long.class)
                .single();
    }

    @AfterEach
    void removeIt() {
        jdbc.sql("DELETE FROM app_user WHERE username = 'se-graduate'").update();
        jdbc.sql("DELETE FROM destination WHERE student_id = :s")
                .param("s", graduate)
                .update();
        jdbc.sql("DELETE FROM student WHERE id = :s").param("s", graduate).update();
        jdbc.sql("DELETE FROM school WHERE code = :c").param("c", SCHOOL).update();
    }

    @Test
    void theOwnWorkshopMakesTheSelfEmployedMatchedAndLocal() throws Exception {
        record("AT_GRADUATION", "SELF_EMPLOYED", enterprise("JADE_CARVING", "411324"), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(true))
                .andExpect(jsonPath("$.localJob").value(true));
        record("MONTHS_6", "SELF_EMPLOYED", enterprise("CARPET", "411325"), "")
                .andExpect(jsonPath("$.matched").value(false))
                .andExpect(jsonPath("$.localJob").value(false));
        // a self-employed graduate outside the registry is local as the school records it, matched only by override
        record("YEAR_1", "SELF_EMPLOYED", null, ",\"employerName\":\"自家玉雕坊\",\"local\":true")
                .andExpect(jsonPath("$.matched").value(false))
                .andExpect(jsonPath("$.localJob").value(true));
        // further study is not work: never local, whatever the form says
        record("YEAR_3", "FURTHER_STUDY", null, ",\"local\":true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.localJob").value(false));
    }

    @Test
    void theImportJudgesTheSelfEmployedByTheSameRule() throws Exception {
        String jade = jdbc.sql("SELECT e.credit_code FROM enterprise e JOIN region r ON r.id = e.region_id"
                        + " WHERE r.code = '411324' AND e.industry = 'JADE_CARVING' AND e.credit_code IS NOT NULL"
                        + " ORDER BY e.id FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
        long zhenping = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id JOIN major m"
                        + " ON m.id = s.major_id WHERE sc.code = :c AND m.code = '750107' AND s.graduation_year = 2024"
                        + " ORDER BY s.student_number OFFSET 30 ROWS FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        String number = jdbc.sql("SELECT student_number FROM student WHERE id = :s")
                .param("s", zhenping)
                .query(String.class)
                .single();
        String header = "学号,跟踪节点,记录日期,去向,用人单位信用代码,名录企业编号（无信用代码时）,用人单位（名录外）,岗位,在本县（名录外单位）," + "专业对口（人工判定）,判定理由";
        try {
            mvc.perform(multipart("/api/v1/imports/{kind}", "destinations")
                            .file(ImportFiles.csv(
                                    "se.csv",
                                    List.of(header, number + ",此后,2030-07-01,自主创业," + jade + ",,,玉雕坊主,,,"),
                                    StandardCharsets.UTF_8))
                            .param("dryRun", "false")
                            .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.created").value(1));
            Map<String, Object> stored = jdbc.sql("SELECT kind, matched, local_job FROM destination"
                            + " WHERE student_id = :s AND follow_up = 'LATER'")
                    .param("s", zhenping)
                    .query()
                    .singleRow();
            assertThat(stored)
                    .containsEntry("kind", "SELF_EMPLOYED")
                    .containsEntry("matched", true)
                    .containsEntry("local_job", true);
        } finally {
            jdbc.sql("DELETE FROM destination WHERE student_id = :s AND follow_up = 'LATER'")
                    .param("s", zhenping)
                    .update();
            jdbc.sql(
                            "UPDATE destination SET latest = (follow_up_rank = (SELECT MAX(d2.follow_up_rank) FROM destination d2"
                                    + " WHERE d2.student_id = :s)) WHERE student_id = :s")
                    .param("s", zhenping)
                    .update();
        }
    }

    @Test
    void aGraduatesOwnReportIsLocalOnlyWhenItIsWork() throws Exception {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, student_id, enabled, created_at)
                        SELECT 'se-graduate', '个体测试', password_hash, 'STUDENT', :s, TRUE, created_at
                        FROM app_user WHERE username = 'student'
                        """).param("s", graduate).update();
        RequestPostProcessor me = httpBasic("se-graduate", TestUsers.PASSWORD);
        report(me, "{\"kind\":\"UNEMPLOYED\",\"inCounty\":true}")
                .andExpect(jsonPath("$.localJob").value(false));
        report(me, "{\"kind\":\"SELF_EMPLOYED\",\"employerName\":\"自家玉雕坊\",\"inCounty\":true}")
                .andExpect(jsonPath("$.localJob").value(true));
    }

    private ResultActions report(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/me/destinations")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
    }

    private ResultActions record(String point, String kind, Long enterprise, String extra) throws Exception {
        String body = "{\"followUp\":\"" + point + "\",\"recordedOn\":\"2026-07-01\",\"kind\":\"" + kind + "\""
                + (enterprise == null ? "" : ",\"enterpriseId\":" + enterprise) + ",\"version\":"
                + StoredVersions.destination(jdbc, graduate, point) + extra + "}";
        return mvc.perform(post("/api/v1/graduates/{id}/destinations", graduate)
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private long enterprise(String industry, String region) {
        return jdbc.sql("SELECT e.id FROM enterprise e JOIN region r ON r.id = e.region_id"
                        + " WHERE e.industry = :i AND r.code = :r ORDER BY e.id FETCH FIRST 1 ROWS ONLY")
                .param("i", industry)
                .param("r", region)
                .query(Long.class)
                .single();
    }
}
