package org.craftline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * The craft talent and practical-training formulas on a test school checked by hand.
 *
 * <pre>
 * 10 graduates of 2025 (valid certificates unless said):
 *   g0 national master + provincial master + 高级工艺美术师      -> national (counted once)
 *   g1 provincial + municipal master + 高级工艺美术师            -> provincial/municipal
 *   g2 municipal master                                        -> provincial/municipal
 *   g3 正高级工艺美术师                                          -> senior craftsman
 *   g4 高级工艺美术师 + skill level 3                             -> senior craftsman
 *   g5 a LAPSED national master honour only                    -> nothing
 *   g6 skill level 1 (高级技师)                                  -> senior only if the school designates level 1
 *   g7 工艺美术师 (below senior) + a 1+X certificate              -> nothing
 *   g8 skill level 4; g9 nothing
 * an enrolled student with a national honour, and a staff master: not graduates, not counted.
 * masters_national 1, masters_provincial_municipal 2, senior_craftsmen 2 (3 with level 1 designated)
 * certificate_rate(2025) = g4, g6, g7, g8 = 4/10 = 0.4
 * staff: 4 full-time of whom 3 dual-qualified, 1 part-time dual-qualified -> 3/4 = 0.75
 * practical training: a course of 4 items required in 2025-2026-1: item 1 held twice, item 2 once,
 *   item 3 held in 2024-2025-2 only, item 4 never -> 2/4 = 0.5; item 1 also required in 2025-2026-2,
 *   never held then -> 0/1 = 0.0 (and the default term: the latest with requirements)
 * equipment 1,000,000 + 500,000.50 yuan / 3 enrolled students (a suspended one not counted) = 500,000.17
 * </pre>
 */
@PostgresTest
class TalentTrainingIndicatorsIT {

    static final String SCHOOL = "4141019998";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    long school;

    @BeforeEach
    void handCheckedSchool() {
        if (jdbc.sql("SELECT COUNT(*) FROM school WHERE code = :c")
                        .param("c", SCHOOL)
                        .query(Long.class)
                        .single()
                > 0) {
            school = id("SELECT id FROM school WHERE code = '" + SCHOOL + "'");
            return;
        }
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT :c, '人才指标测试学校', id, 2000 FROM region WHERE code = '411324'")
                .param("c", SCHOOL)
                .update();
        school = id("SELECT id FROM school WHERE code = '" + SCHOOL + "'");
        String[][][] certificates = {
            {
                {"MASTER", "NATIONAL", "3", "VALID"},
                {"MASTER", "PROVINCIAL", "2", "VALID"},
                {"TITLE", "SENIOR", "4", "VALID"}
            },
            {
                {"MASTER", "PROVINCIAL", "2", "VALID"},
                {"MASTER", "MUNICIPAL", "1", "VALID"},
                {"TITLE", "SENIOR", "4", "VALID"}
            },
            {{"MASTER", "MUNICIPAL", "1", "VALID"}},
            {{"TITLE", "PROFESSOR", "5", "VALID"}},
            {{"TITLE", "SENIOR", "4", "VALID"}, {"SKILL", "LEVEL_3", "3", "VALID"}},
            {{"MASTER", "NATIONAL", "3", "LAPSED"}},
            {{"SKILL", "LEVEL_1", "5", "VALID"}},
            {{"TITLE", "ARTS_MASTER", "3", "VALID"}, {"ONE_PLUS_X", "ELEMENTARY", "1", "VALID"}},
            {{"SKILL", "LEVEL_4", "2", "VALID"}},
            {}
        };
        for (int g = 0; g < certificates.length; g++) {
            long student = student("TT25-" + g, "GRADUATED", 2025);
            for (String[] c : certificates[g]) {
                certificate(student, null, c);
            }
        }
        certificate(student("TT-E1", "ENROLLED", null), null, new String[] {"MASTER", "NATIONAL", "3", "VALID"});
        student("TT-E2", "ENROLLED", null);
        student("TT-E3", "ENROLLED", null);
        student("TT-S1", "SUSPENDED", null);
        long[] staff = {
            staff("TT01", true, true), staff("TT02", true, true), staff("TT03", true, true), staff("TT04", true, false)
        };
        staff("TT05", false, true);
        // full-time but not teachers (行政人员, 教辅人员): no 专任教师, whatever their qualification
        staff("TT06", "ADMINISTRATIVE", true, true);
        staff("TT07", "SUPPORT", true, false);
        certificate(null, staff[0], new String[] {"MASTER", "NATIONAL", "3", "VALID"});
        training(staff[0]);
    }

    @Test
    void eachTalentFormulaCountsAGraduateOnceAtTheHighestLevel() throws Exception {
        indicators("2025-2026-1")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.term").value("2025-2026-1"))
                .andExpect(jsonPath("$.indicators.masters_national").value(1))
                .andExpect(jsonPath("$.indicators.masters_provincial_municipal").value(2))
                .andExpect(jsonPath("$.indicators.senior_craftsmen").value(2))
                .andExpect(jsonPath("$.indicators.certificate_rate").value(0.4))
                .andExpect(jsonPath("$.indicators.dual_qualified_teacher_share")
                        .value(3.0 / 4)); // TT01-03 of the 专任教师 TT01-04; not TT05 (part-time), TT06-07 (not teachers)
    }

    @Test
    void theSkillLevelASchoolDesignatesAlsoMakesASeniorCraftsman() throws Exception {
        jdbc.sql("INSERT INTO talent_setting (school_id, senior_skill_rank) VALUES (:s, 5)")
                .param("s", school)
                .update();
        try {
            indicators("2025-2026-1")
                    .andExpect(jsonPath("$.indicators.senior_craftsmen").value(3))
                    .andExpect(jsonPath("$.indicators.masters_provincial_municipal")
                            .value(2));
        } finally {
            jdbc.sql("DELETE FROM talent_setting WHERE school_id = :s")
                    .param("s", school)
                    .update();
        }
    }

    @Test
    void thePracticalTrainingRateCountsRequiredItemsHeldInTheirTerm() throws Exception {
        indicators("2025-2026-1")
                .andExpect(jsonPath("$.indicators.practical_training_rate").value(0.5))
                .andExpect(jsonPath("$.indicators.equipment_value_per_student").value(500000.17));
        indicators("2025-2026-2")
                .andExpect(jsonPath("$.indicators.practical_training_rate").value(0.0));
        indicators("2023-2024-1")
                .andExpect(jsonPath("$.indicators.practical_training_rate").value(nullValue()));
        indicators(null).andExpect(jsonPath("$.term").value("2025-2026-2"));
        indicators("2025-2027-1").andExpect(status().isBadRequest());
        indicators("autumn").andExpect(status().isBadRequest());
    }

    @Test
    void theDemoZhenpingSchoolCountsItsMastersAndLeadsTheProvinceInPracticalTraining() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.ZHENPING)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators.masters_national").value(4))
                .andExpect(jsonPath("$.indicators.masters_provincial_municipal").value(21))
                .andExpect(jsonPath("$.indicators.senior_craftsmen").value(62));
        double zhenping = practicalTrainingRate(TestUsers.ZHENPING);
        assertThat(zhenping).isGreaterThan(practicalTrainingRate("4141013001"));
        assertThat(zhenping).isGreaterThan(practicalTrainingRate("4141013250"));
    }

    private double practicalTrainingRate(String school) throws Exception {
        String json = mvc.perform(get("/api/v1/indicators")
                        .param("school", school)
                        .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Number rate = com.jayway.jsonpath.JsonPath.read(json, "$.indicators.practical_training_rate");
        return rate.doubleValue();
    }

    private ResultActions indicators(String term) throws Exception {
        var request = get("/api/v1/indicators").param("school", SCHOOL).param("year", "2025");
        if (term != null) {
            request.param("term", term);
        }
        return mvc.perform(request.with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)));
    }

    private long student(String number, String status, Integer graduationYear) {
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household, major_id,
                               entry_year, status, graduation_year)
                        SELECT :school, :n, '测试', '11010519491231002X', 'FEMALE', DATE '1949-12-31', 'RURAL', m.id, 2022,
                               :status, :y FROM major m WHERE m.code = '750107'
                        """)
                .param("school", school)
                .param("n", number)
                .param("status", status)
                .param("y", graduationYear)
                .update();
        return id("SELECT id FROM student WHERE student_number = '" + number + "' AND school_id = " + school);
    }

    private long staff(String number, boolean fullTime, boolean dual) {
        return staff(number, "TEACHER", fullTime, dual);
    }

    private long staff(String number, String category, boolean fullTime, boolean dual) {
        jdbc.sql("INSERT INTO staff (school_id, staff_number, name, category, full_time, dual_qualified)"
                        + " VALUES (:s, :n, '教职工', :c, :f, :d)")
                .param("s", school)
                .param("n", number)
                .param("c", category)
                .param("f", fullTime)
                .param("d", dual)
                .update();
        return id("SELECT id FROM staff WHERE staff_number = '" + number + "' AND school_id = " + school);
    }

    private int serial;

    private void certificate(Long student, Long staff, String[] c) {
        jdbc.sql("""
                        INSERT INTO certificate (school_id, student_id, staff_id, kind, grade, grade_rank, name, issuing_body,
                               cert_number, issued_year, status)
                        VALUES (:school, :student, :staff, :kind, :grade, :rank, '测试证书', '指标测试发证机构', :number, 2020, :status)
                        """)
                .param("school", school)
                .param("student", student)
                .param("staff", staff)
                .param("kind", c[0])
                .param("grade", c[1])
                .param("rank", Integer.parseInt(c[2]))
                .param("number", "TT" + serial++)
                .param("status", c[3])
                .update();
    }

    private void training(long instructor) {
        jdbc.sql("INSERT INTO course (school_id, major_id, code, name) SELECT :s, id, 'TT-C1', '玉雕基础' FROM major"
                        + " WHERE code = '750107'")
                .param("s", school)
                .update();
        long course = id("SELECT id FROM course WHERE code = 'TT-C1' AND school_id = " + school);
        long[] items = new long[4];
        for (int i = 0; i < 4; i++) {
            jdbc.sql("INSERT INTO practical_item (school_id, course_id, code, name, hours)"
                            + " VALUES (:s, :c, :code, '实训项目', 4)")
                    .param("s", school)
                    .param("c", course)
                    .param("code", "I" + (i + 1))
                    .update();
            items[i] = id("SELECT id FROM practical_item WHERE code = 'I" + (i + 1) + "' AND course_id = " + course);
            requirement(items[i], "2025-2026-1");
        }
        requirement(items[0], "2025-2026-2");
        jdbc.sql("INSERT INTO school_class (school_id, major_id, entry_year, name)"
                        + " SELECT :s, id, 2024, '测试2024级玉雕班' FROM major WHERE code = '750107'")
                .param("s", school)
                .update();
        long schoolClass = id("SELECT id FROM school_class WHERE school_id = " + school);
        session(items[0], schoolClass, LocalDate.of(2025, 10, 9), "2025-2026-1", instructor);
        session(items[0], schoolClass, LocalDate.of(2025, 11, 6), "2025-2026-1", instructor);
        session(items[1], schoolClass, LocalDate.of(2026, 1, 8), "2025-2026-1", instructor);
        session(items[2], schoolClass, LocalDate.of(2025, 5, 8), "2024-2025-2", instructor);
        jdbc.sql("INSERT INTO workshop (school_id, name, kind, area, stations, equipment_value) VALUES"
                        + " (:s, '玉雕大师工作室', 'WORKSHOP', 120, 30, 1000000), (:s, '校外实训基地', 'BASE', 800, 60, 500000.50)")
                .param("s", school)
                .update();
    }

    private void requirement(long item, String term) {
        jdbc.sql("INSERT INTO practical_requirement (item_id, school_id, term) VALUES (:i, :s, :t)")
                .param("i", item)
                .param("s", school)
                .param("t", term)
                .update();
    }

    private void session(long item, long schoolClass, LocalDate on, String term, long instructor) {
        jdbc.sql("""
                        INSERT INTO training_session (school_id, item_id, class_id, held_on, term, hours, instructor_id)
                        VALUES (:s, :i, :c, :on, :t, 4, :by)
                        """)
                .param("s", school)
                .param("i", item)
                .param("c", schoolClass)
                .param("on", on)
                .param("t", term)
                .param("by", instructor)
                .update();
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
