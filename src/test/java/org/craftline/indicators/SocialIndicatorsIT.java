package org.craftline.indicators;

import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.craftline.shared.ResidentIds;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The social training formulas on a test school checked by hand.
 *
 * <pre>
 * programme A: rural labour transfer, 100 hours; programme B: short course, 40 hours
 * cohort A1 (A) 2025-03-01..2025-05-31: t1 completed+employed, t2 completed+not employed,
 *                                       t3 completed (employment not recorded), t4 not completed
 * cohort A2 (A) 2024-09-01..2025-01-15: t5 completed+employed, t1 completed+employed (t1 again)
 * cohort A3 (A) 2024-03-01..2024-06-30: t6 completed+employed            (ended 2024)
 * cohort B1 (B) 2025-10-01..2025-11-30: t7 completed+employed, t8 not completed
 * cohort A4 (A) 2025-11-01..2026-01-10: t2 completed+employed            (ended 2026)
 *
 * 2025: trainees_trained = {t1,t2,t3,t4,t5,t7,t8} = 7
 *       training_completion_rate = (3 + 2 + 1) / (4 + 2 + 2) = 6/8 = 0.75
 *       labour_transfer_rate = employed completers {t1,t5} / completers {t1,t2,t3,t5} of A1, A2 = 2/4 = 0.5
 *       (t7 is employed but on a short course: not in the labour transfer rate)
 * 2024: 1 trainee, 1/1 = 1.0, 1/1 = 1.0
 * 2023: no cohort ended: 0 trainees, both rates undefined (null)
 * </pre>
 */
@PostgresTest
class SocialIndicatorsIT {

    static final String SCHOOL = "4141019995";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long school;
    long[] trainees = new long[9];

    @BeforeEach
    void handCheckedSchool() {
        if (count("SELECT COUNT(*) FROM school WHERE code = '" + SCHOOL + "'") > 0) {
            return; // built once for the shared database
        }
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT :c, '社会培训指标测试学校', id, 2000 FROM region WHERE code = '411324'")
                .param("c", SCHOOL)
                .update();
        school = count("SELECT id FROM school WHERE code = '" + SCHOOL + "'");
        long a = programme("转移培训", "LABOUR_TRANSFER", 100);
        long b = programme("短期培训", "SHORT_COURSE", 40);
        for (int t = 1; t <= 8; t++) {
            trainees[t] = trainee(t);
        }
        long a1 = cohort(a, "A1", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 5, 31));
        long a2 = cohort(a, "A2", LocalDate.of(2024, 9, 1), LocalDate.of(2025, 1, 15));
        long a3 = cohort(a, "A3", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 6, 30));
        long b1 = cohort(b, "B1", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 30));
        long a4 = cohort(a, "A4", LocalDate.of(2025, 11, 1), LocalDate.of(2026, 1, 10));
        enrol(a1, 1, true, true);
        enrol(a1, 2, true, false);
        enrol(a1, 3, true, null);
        enrol(a1, 4, false, null);
        enrol(a2, 5, true, true);
        enrol(a2, 1, true, true);
        enrol(a3, 6, true, true);
        enrol(b1, 7, true, true);
        enrol(b1, 8, false, null);
        enrol(a4, 2, true, true);
    }

    @Test
    void theFormulasOnTheHandCheckedSchool() throws Exception {
        indicators(2025)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.trainees_trained").value(7))
                .andExpect(jsonPath("$.indicators.training_completion_rate").value(0.75))
                .andExpect(jsonPath("$.indicators.labour_transfer_rate").value(0.5));
        indicators(2024)
                .andExpect(jsonPath("$.indicators.trainees_trained").value(1))
                .andExpect(jsonPath("$.indicators.training_completion_rate").value(1.0))
                .andExpect(jsonPath("$.indicators.labour_transfer_rate").value(1.0));
        indicators(2026)
                .andExpect(jsonPath("$.indicators.trainees_trained").value(1))
                .andExpect(jsonPath("$.indicators.labour_transfer_rate").value(1.0));
        indicators(2023)
                .andExpect(jsonPath("$.indicators.trainees_trained").value(0))
                .andExpect(jsonPath("$.indicators.training_completion_rate").value(nullValue()))
                .andExpect(jsonPath("$.indicators.labour_transfer_rate").value(nullValue()));
    }

    @Test
    void theDemoSchoolTrainedRuralLabourInTheLatestYearAndBefore() throws Exception {
        for (String year : new String[] {null, "2019"}) {
            var request = get("/api/v1/indicators").param("school", TestUsers.ZHENPING);
            if (year != null) {
                request.param("year", year);
            }
            String json = mvc.perform(request.with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            Number trained = com.jayway.jsonpath.JsonPath.read(json, "$.indicators.trainees_trained");
            Number completion = com.jayway.jsonpath.JsonPath.read(json, "$.indicators.training_completion_rate");
            Number transfer = com.jayway.jsonpath.JsonPath.read(json, "$.indicators.labour_transfer_rate");
            org.assertj.core.api.Assertions.assertThat(trained.longValue()).isBetween(300L, 600L);
            org.assertj.core.api.Assertions.assertThat(completion.doubleValue()).isBetween(0.85, 0.98);
            org.assertj.core.api.Assertions.assertThat(transfer.doubleValue()).isBetween(0.7, 0.9);
        }
    }

    private ResultActions indicators(int year) throws Exception {
        return mvc.perform(get("/api/v1/indicators")
                .param("school", SCHOOL)
                .param("year", String.valueOf(year))
                .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)));
    }

    private long programme(String name, String kind, int hours) {
        jdbc.sql("INSERT INTO programme (school_id, name, kind, occupation, hours) VALUES (:s, :n, :k, '玉雕工', :h)")
                .param("s", school)
                .param("n", name)
                .param("k", kind)
                .param("h", hours)
                .update();
        return count("SELECT id FROM programme WHERE school_id = " + school + " AND name = '" + name + "'");
    }

    private long trainee(int n) {
        String body = "41132419800101" + String.format("%03d", n);
        String id = body + ResidentIds.checkCharacter(body);
        jdbc.sql("""
                        INSERT INTO trainee (school_id, name, id_number, id_tail, gender, birth_date, household)
                        VALUES (:s, :name, :id, :tail, :g, DATE '1980-01-01', 'RURAL')
                        """)
                .param("s", school)
                .param("name", "学员" + n)
                .param("id", id)
                .param("tail", id.substring(14))
                .param("g", ResidentIds.gender(id).name())
                .update();
        return count("SELECT id FROM trainee WHERE school_id = " + school + " AND id_number = '" + id + "'");
    }

    private long cohort(long programme, String code, LocalDate starts, LocalDate ends) {
        jdbc.sql("INSERT INTO cohort (school_id, programme_id, code, starts_on, ends_on) VALUES (:s, :p, :c, :a, :b)")
                .param("s", school)
                .param("p", programme)
                .param("c", code)
                .param("a", starts)
                .param("b", ends)
                .update();
        return count("SELECT id FROM cohort WHERE school_id = " + school + " AND code = '" + code + "'");
    }

    private void enrol(long cohort, int trainee, boolean completed, Boolean employed) {
        jdbc.sql("""
                        INSERT INTO enrolment (school_id, cohort_id, trainee_id, attendance_hours, completed, employed)
                        VALUES (:s, :c, :t, 40, :done, :employed)
                        """)
                .param("s", school)
                .param("c", cohort)
                .param("t", trainees[trainee])
                .param("done", completed)
                .param("employed", employed)
                .update();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
