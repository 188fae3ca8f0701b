package org.craftline.indicators;

import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The development formulas on test schools checked by hand.
 *
 * <pre>
 * school 4141019997:
 *   project A awarded 1,000,000.00: EQUIPMENT (capacity) 600,000.00 planned, OTHER (not capacity) 100,000.00
 *   project B awarded   250,000.50: CURRICULUM (capacity) 200,000.00 planned
 *   A/EQUIPMENT   300,000.10 + 199,999.90                          = 500,000.00 capacity
 *   B/CURRICULUM  0.10 + 0.20 + 149,999.70 = 150,000.00 capacity
 *   A/OTHER       50,000.00 + 25,000.00, the latter reversed (-25,000.00) = 50,000.00 net, not capacity
 *   funds_awarded = 1,250,000.50; funds_spent = 700,000.00 (net of the reversal)
 *   capacity_building_share = 650,000.00 / 700,000.00 = 0.928571... = 0.9286
 * school 4141019996: a project of 80,000.00 whose only entry (1,000.00) was reversed
 *   funds_awarded = 80,000.00, funds_spent = 0.00, capacity_building_share = null (nothing spent, net)
 * </pre>
 */
@PostgresTest
class DevelopmentIndicatorsIT {

    static final String SCHOOL = "4141019997";
    static final String REVERSED = "4141019996";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void handCheckedSchools() {
        if (exists(SCHOOL)) {
            return;
        }
        long s = school(SCHOOL, "发展指标测试学校");
        long a = project(s, "指标测试项目A", "1000000.00");
        long b = project(s, "指标测试项目B", "250000.50");
        long equipment = line(a, s, "EQUIPMENT", "600000.00", true);
        long other = line(a, s, "OTHER", "100000.00", false);
        long curriculum = line(b, s, "CURRICULUM", "200000.00", true);
        entry(s, a, equipment, "300000.10", null);
        entry(s, a, equipment, "199999.90", null);
        entry(s, b, curriculum, "0.10", null);
        entry(s, b, curriculum, "0.20", null);
        entry(s, b, curriculum, "149999.70", null);
        entry(s, a, other, "50000.00", null);
        long reversed = entry(s, a, other, "25000.00", null);
        entry(s, a, other, "-25000.00", reversed);

        long t = school(REVERSED, "发展指标冲销测试学校");
        long c = project(t, "指标测试项目C", "80000.00");
        long line = line(c, t, "EQUIPMENT", "80000.00", true);
        entry(t, c, line, "-1000.00", entry(t, c, line, "1000.00", null));
    }

    @Test
    void theShareCountsNetSpendingOnCapacityBuildingLines() throws Exception {
        indicators(SCHOOL)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.capacity_building_share").value(0.9286))
                .andExpect(jsonPath("$.indicators.funds_awarded").value(1250000.50))
                .andExpect(jsonPath("$.indicators.funds_spent").value(700000.00));
    }

    @Test
    void nothingSpentNetGivesNoShare() throws Exception {
        indicators(REVERSED)
                .andExpect(jsonPath("$.indicators.capacity_building_share").value(nullValue()))
                .andExpect(jsonPath("$.indicators.funds_awarded").value(80000.00))
                .andExpect(jsonPath("$.indicators.funds_spent").value(0.0));
    }

    /** The profile: several million yuan of provincial special funds, all used for capacity building. */
    @Test
    void theDemoZhenpingSchoolSpentAllItsFundsOnCapacityBuilding() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.ZHENPING)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.capacity_building_share").value(1.0))
                .andExpect(jsonPath("$.indicators.funds_awarded", greaterThanOrEqualTo(4600000.0)));
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.NEIXIANG)
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.indicators.capacity_building_share", org.hamcrest.Matchers.lessThan(1.0)));
    }

    private ResultActions indicators(String school) throws Exception {
        return mvc.perform(
                get("/api/v1/indicators").param("school", school).with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)));
    }

    private boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM school WHERE code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long school(String code, String name) {
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT :c, :n, id, 2000 FROM region WHERE code = '411324'")
                .param("c", code)
                .param("n", name)
                .update();
        return id("SELECT id FROM school WHERE code = '" + code + "'");
    }

    private long project(long school, String name, String awarded) {
        jdbc.sql("""
                        INSERT INTO funded_project (school_id, name, funding_source, project_level, award_year, amount_awarded,
                               status, created_at)
                        VALUES (:s, :n, '省级职业教育发展专项资金', 'PROVINCIAL', 2024, CAST(:a AS DECIMAL(14, 2)), 'ONGOING', :at)
                        """)
                .param("s", school)
                .param("n", name)
                .param("a", awarded)
                .param("at", OffsetDateTime.parse("2024-03-01T08:00:00+08:00"))
                .update();
        return id("SELECT id FROM funded_project WHERE name = '" + name + "' AND school_id = " + school);
    }

    private long line(long project, long school, String category, String planned, boolean capacity) {
        jdbc.sql("""
                        INSERT INTO budget_line (project_id, school_id, category, planned_amount, capacity_building)
                        VALUES (:p, :s, :c, CAST(:a AS DECIMAL(14, 2)), :cb)
                        """)
                .param("p", project)
                .param("s", school)
                .param("c", category)
                .param("a", planned)
                .param("cb", capacity)
                .update();
        return id("SELECT id FROM budget_line WHERE project_id = " + project + " AND category = '" + category + "'");
    }

    private int serial;

    private long entry(long school, long project, long line, String amount, Long reverses) {
        String voucher = reverses == null ? "DI-" + serial++ : null;
        jdbc.sql("""
                        INSERT INTO expenditure (school_id, project_id, line_id, spent_on, amount, payee, voucher_no, reverses_id,
                               reversed, created_by, created_at)
                        VALUES (:s, :p, :l, :on, CAST(:a AS DECIMAL(14, 2)), '指标测试收款单位', :v, :r, FALSE, 'test', :at)
                        """)
                .param("s", school)
                .param("p", project)
                .param("l", line)
                .param("on", LocalDate.of(2024, 6, 1))
                .param("a", amount)
                .param("v", voucher)
                .param("r", reverses)
                .param("at", OffsetDateTime.parse("2024-06-01T08:00:00+08:00"))
                .update();
        if (reverses != null) {
            jdbc.sql("UPDATE expenditure SET reversed = TRUE WHERE id = :id")
                    .param("id", reverses)
                    .update();
        }
        return id("SELECT MAX(id) FROM expenditure WHERE school_id = " + school);
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
