package org.craftline.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The demo's practical training: the Zhenping school leads every term, and some items are still missing. */
@PostgresTest
class TrainingDemoIT {

    static final List<String> SCHOOLS = List.of(TestUsers.ZHENPING, "4141013001", TestUsers.NEIXIANG);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"2024-2025-1", "2024-2025-2", "2025-2026-1", "2025-2026-2", "2026-2027-1"})
    void zhenpingHasTheHighestRateOfTheThreeSchools(String term) throws Exception {
        double zhenping = rate(TestUsers.ZHENPING, term);
        double nanyang = rate("4141013001", term);
        double neixiang = rate(TestUsers.NEIXIANG, term);
        assertThat(zhenping).isGreaterThan(nanyang).isGreaterThan(neixiang).isLessThanOrEqualTo(1.0);
        assertThat(nanyang).isGreaterThan(0.5);
        assertThat(neixiang).isGreaterThan(0.5);
    }

    @Test
    void theCurrentTermStillHasItemsToHoldAndNothingIsHeldAfterTheDemosLastDay() throws Exception {
        String body = rates(TestUsers.ZHENPING, "2026-2027-1");
        List<String> missing = JsonPath.read(body, "$.missing[*].itemCode");
        assertThat(missing).isNotEmpty();
        double rate = ((Number) JsonPath.read(body, "$.rate")).doubleValue();
        assertThat(rate).isBetween(0.85, 0.95);
        LocalDate last = jdbc.sql("SELECT MAX(held_on) FROM training_session WHERE term = '2026-2027-1'")
                .query(LocalDate.class)
                .single();
        assertThat(last).isBeforeOrEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void zhenpingsWorkshopsHoldEquipmentWorthMillions() {
        BigDecimal zhenping = equipment(TestUsers.ZHENPING);
        assertThat(zhenping).isGreaterThan(new BigDecimal("2000000"));
        assertThat(zhenping).isGreaterThan(equipment(TestUsers.NEIXIANG));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM workshop w JOIN school s ON s.id = w.school_id"
                                + " WHERE s.code = :c AND w.name LIKE '玉雕大师工作室%'")
                        .param("c", TestUsers.ZHENPING)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2L);
    }

    /** The final-year students' required courses: most passed every one, a few did not, as the check will say. */
    @Test
    void zhenpingsFinalYearMostlyPassedTheRequiredCoursesOfTheirMajor() {
        List<Long> split = jdbc.sql("""
                        SELECT COUNT(CASE WHEN NOT EXISTS (SELECT 1 FROM course c WHERE c.school_id = s.school_id
                                 AND c.major_id = s.major_id AND c.required = TRUE AND NOT EXISTS
                                 (SELECT 1 FROM course_result r WHERE r.student_id = s.id AND r.course_id = c.id
                                  AND r.passed = TRUE)) THEN 1 END),
                               COUNT(*)
                        FROM student s JOIN school sc ON sc.id = s.school_id
                        WHERE sc.code = :c AND s.status = 'ENROLLED' AND s.entry_year =
                              (SELECT MIN(x.entry_year) FROM student x WHERE x.school_id = s.school_id
                               AND x.status = 'ENROLLED')
                        """)
                .param("c", TestUsers.ZHENPING)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single();
        long passing = split.get(0);
        long failing = split.get(1) - passing;
        assertThat(failing).isPositive();
        assertThat(passing).isGreaterThan(5 * failing);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course c JOIN school sc ON sc.id = c.school_id"
                                + " WHERE sc.code = :c AND c.required = TRUE")
                        .param("c", TestUsers.ZHENPING)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private BigDecimal equipment(String school) {
        return jdbc.sql(
                        "SELECT SUM(w.equipment_value) FROM workshop w JOIN school s ON s.id = w.school_id WHERE s.code = :c")
                .param("c", school)
                .query(BigDecimal.class)
                .single();
    }

    private double rate(String school, String term) throws Exception {
        Number rate = JsonPath.read(rates(school, term), "$.rate");
        return rate.doubleValue();
    }

    private String rates(String school, String term) throws Exception {
        return mvc.perform(get("/api/v1/training/rates")
                        .param("school", school)
                        .param("term", term)
                        .with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
