package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Graduating a class, recording destinations with the local and matched rules, tenancy of graduates. */
@PostgresTest
class EmploymentIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void graduatingAClassAndRecordingWhereAGraduateWent() throws Exception {
        long classId = jdbc.sql("""
                        SELECT c.id FROM school_class c JOIN school s ON s.id = c.school_id JOIN major m ON m.id = c.major_id
                        WHERE s.code = :code AND m.code = '750107' AND c.entry_year = 2024 ORDER BY c.id FETCH FIRST 1 ROWS ONLY
                        """)
                .param("code", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        long enrolled = jdbc.sql("SELECT COUNT(*) FROM student WHERE class_id = :c AND status = 'ENROLLED'")
                .param("c", classId)
                .query(Long.class)
                .single();
        // a graduation is recorded when it happens, never before: next year's is refused, as is one before enrolment
        json(post("/api/v1/graduations"), ADMIN, "{\"classId\":" + classId + ",\"year\":" + (thisYear() + 1) + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        json(post("/api/v1/graduations"), ADMIN, "{\"classId\":" + classId + ",\"year\":2024}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"));
        // the class entered in 2024 has not studied three years by 2026: only an override with a reason graduates it
        String early = "{\"classId\":" + classId + ",\"year\":2026,\"overrideAll\":true";
        json(post("/api/v1/graduations"), ADMIN, early + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overrideReason"));
        json(post("/api/v1/graduations"), ADMIN, early + ",\"overrideReason\":\"提前毕业经教育局批准\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.graduated").value(enrolled))
                .andExpect(jsonPath("$.overridden").value(enrolled))
                .andExpect(jsonPath("$.completed").value(0));
        long graduate = jdbc.sql(
                        "SELECT id FROM student WHERE class_id = :c AND graduation_year = 2026 ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("c", classId)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'GRADUATE' AND entity_key = :k")
                        .param("k", String.valueOf(classId))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        long jadeInCounty = enterprise("JADE_CARVING", "411324");
        json(
                        post("/api/v1/graduates/{id}/destinations", graduate),
                        ADMIN,
                        destination(graduate, "AT_GRADUATION", jadeInCounty, ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.localJob").value(true))
                .andExpect(jsonPath("$.matched").value(true))
                .andExpect(jsonPath("$.latest").value(true));
        long carpetElsewhere = enterprise("CARPET", "411325");
        json(
                        post("/api/v1/graduates/{id}/destinations", graduate),
                        ADMIN,
                        destination(graduate, "MONTHS_6", carpetElsewhere, ""))
                .andExpect(jsonPath("$.localJob").value(false))
                .andExpect(jsonPath("$.matched").value(false))
                .andExpect(jsonPath("$.latest").value(true));
        json(
                        post("/api/v1/graduates/{id}/destinations", graduate),
                        ADMIN,
                        destination(graduate, "MONTHS_6", carpetElsewhere, ",\"matchedOverride\":true"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("matchedReason"));
        json(
                        post("/api/v1/graduates/{id}/destinations", graduate),
                        ADMIN,
                        destination(
                                graduate,
                                "MONTHS_6",
                                carpetElsewhere,
                                ",\"matchedOverride\":true,\"matchedReason\":\"设计玉雕图样\""))
                .andExpect(jsonPath("$.matched").value(true));
        mvc.perform(get("/api/v1/graduates/{id}/destinations", graduate).with(ADMIN))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].latest").value(false))
                .andExpect(jsonPath("$[1].latest").value(true));
        json(
                        post("/api/v1/graduates/{id}/destinations", graduate),
                        httpBasic(TestUsers.STAFF, TestUsers.PASSWORD),
                        destination(graduate, "YEAR_1", jadeInCounty, ""))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSchoolUserNeverSeesAnotherSchoolsGraduates() throws Exception {
        long other = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c"
                        + " AND s.graduation_year IS NOT NULL FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.NEIXIANG)
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/graduates/{id}/destinations", other)
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/cohorts/2020")
                        .param("school", TestUsers.NEIXIANG)
                        .with(ADMIN))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/cohorts/2020")
                        .param("school", TestUsers.ZHENPING)
                        .with(ADMIN))
                .andExpect(jsonPath("$.length()").value(org.hamcrest.Matchers.greaterThan(5)));
        mvc.perform(get("/api/v1/graduates/{id}/destinations", other)
                        .with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isOk());
    }

    private static int thisYear() {
        return java.time.LocalDate.now().getYear();
    }

    private long enterprise(String industry, String region) {
        return jdbc.sql(
                        "SELECT e.id FROM enterprise e JOIN region r ON r.id = e.region_id WHERE e.industry = :i AND r.code = :r"
                                + " ORDER BY e.id FETCH FIRST 1 ROWS ONLY")
                .param("i", industry)
                .param("r", region)
                .query(Long.class)
                .single();
    }

    private String destination(long graduate, String point, long enterprise, String extra) {
        return "{\"followUp\":\"" + point + "\",\"recordedOn\":\"2026-07-01\",\"kind\":\"EMPLOYED\",\"enterpriseId\":"
                + enterprise + ",\"position\":\"玉雕工\",\"version\":" + StoredVersions.destination(jdbc, graduate, point)
                + extra + "}";
    }

    private ResultActions json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor who,
            String body)
            throws Exception {
        return mvc.perform(
                request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
