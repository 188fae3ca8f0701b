package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.StaleSaves;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Two people recording or correcting one graduate's destination at one point from the same version:
 * the later change is refused, through the API, the grid and the timeline's correction form.
 */
@PostgresTest
class DestinationStaleEditIT {

    static final RequestPostProcessor ZP_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final String POINT = "LATER";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDestinationRecordedOrCorrectedFromAnOlderVersionAnswers409() throws Exception {
        long graduate = graduates().get(1);
        int version = StoredVersions.destination(jdbc, graduate, POINT);
        record(graduate, "甲填的岗位", version)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1));
        record(graduate, "乙填的岗位", version)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(version + 1))
                .andExpect(jsonPath("$.changes[0].username").value(TestUsers.SCHOOL_ADMIN))
                .andExpect(jsonPath("$.changes[0].fields", hasItem("position")));
        record(graduate, "乙填的岗位", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        record(graduate, "乙填的岗位", version + 1)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.position").value("乙填的岗位"))
                .andExpect(jsonPath("$.version").value(version + 2));

        correct(graduate, version + 2)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 3));
        correct(graduate, version + 2)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(version + 3))
                .andExpect(jsonPath("$.changes[0].fields", hasItem("reason")));
        correct(graduate, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void aStaleGridRowIsShownAgainWithWhatWasTypedAndASecondSaveReplacesTheOtherChange() throws Exception {
        long graduate = graduates().get(0);
        int year = year();
        int version = StoredVersions.destination(jdbc, graduate, POINT);
        record(graduate, "别人填的岗位", version).andExpect(status().isOk());
        var office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = StaleSaves.shownAgain(grid(graduate, year, version, office), "此行在你打开表格后已被他人保存");
        assertThat(page)
                .contains("value=\"表格里填的岗位\"")
                .contains("name=\"rows[0].version\" value=\"" + (version + 1) + "\"");
        assertThat(position(graduate)).isEqualTo("别人填的岗位");
        grid(graduate, year, version + 1, office).andExpect(status().is3xxRedirection());
        assertThat(position(graduate)).isEqualTo("表格里填的岗位");
    }

    @Test
    void aStaleCorrectionFormIsShownAgainWithTheMessage() throws Exception {
        long graduate = graduates().get(2);
        int version = StoredVersions.destination(jdbc, graduate, POINT);
        record(graduate, "有人填的岗位", version).andExpect(status().isOk());
        var office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = StaleSaves.shownAgain(correctionForm(graduate, version, office), StaleSaves.STALE);
        assertThat(page)
                .contains("value=\"表单里的理由\"")
                .contains("name=\"versions[LATER]\" value=\"" + (version + 1) + "\"");
        correctionForm(graduate, version + 1, office).andExpect(status().is3xxRedirection());
    }

    /** The Zhenping graduates of the grid's year in the grid's order: row 0 is the first. */
    private List<Long> graduates() {
        return jdbc.sql(
                        "SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                                + " WHERE sc.code = :c AND s.graduation_year = :y ORDER BY s.student_number FETCH FIRST 3 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .param("y", year())
                .query(Long.class)
                .list();
    }

    /** A year of Zhenping graduates other than those the other grid tests use. */
    private int year() {
        return jdbc.sql("SELECT MIN(s.graduation_year) FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :c AND s.graduation_year > 2020")
                .param("c", TestUsers.ZHENPING)
                .query(Integer.class)
                .single();
    }

    private ResultActions record(long graduate, String position, Integer version) throws Exception {
        return mvc.perform(post("/api/v1/graduates/{id}/destinations", graduate)
                .with(ZP_ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"followUp\":\"" + POINT + "\",\"recordedOn\":\"2026-06-01\",\"kind\":\"EMPLOYED\","
                        + "\"employerName\":\"锁定测试玉雕坊\",\"position\":\"" + position + "\",\"local\":true,"
                        + "\"version\":" + version + "}"));
    }

    private ResultActions correct(long graduate, Integer version) throws Exception {
        return mvc.perform(put("/api/v1/graduates/{id}/destinations/{p}/match", graduate, POINT)
                .with(ZP_ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"matched\":true,\"local\":true,\"reason\":\"岗位对口 " + version + "\",\"version\":" + version
                        + "}"));
    }

    private ResultActions grid(long graduate, int year, int version, MockHttpSession session) throws Exception {
        return mvc.perform(post("/graduates/destinations")
                .session(session)
                .with(csrf())
                .param("year", String.valueOf(year))
                .param("point", POINT)
                .param("recordedOn", "2026-06-02")
                .param("rows[0].studentId", String.valueOf(graduate))
                .param("rows[0].kind", "EMPLOYED")
                .param("rows[0].employer", "锁定测试玉雕坊")
                .param("rows[0].position", "表格里填的岗位")
                .param("rows[0].version", String.valueOf(version)));
    }

    private ResultActions correctionForm(long graduate, int version, MockHttpSession session) throws Exception {
        return mvc.perform(post("/graduates/{id}/match", graduate)
                .session(session)
                .with(csrf())
                .param("point", POINT)
                .param("matched", "true")
                .param("reason", "表单里的理由")
                .param("versions[" + POINT + "]", String.valueOf(version)));
    }

    private String position(long graduate) {
        return jdbc.sql("SELECT position FROM destination WHERE student_id = :s AND follow_up = :p")
                .param("s", graduate)
                .param("p", POINT)
                .query(String.class)
                .single();
    }
}
