package org.craftline.internships;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.craftline.support.H2Test;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A placement's page with its record, the two log queues and a log written through the API, on H2. */
@SpringBootTest(
        properties = {
            H2Test.DATASOURCE,
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD
        })
@AutoConfigureMockMvc
class InternshipLogsH2Test {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRecordPagesAndQueuesRenderOnH2() throws Exception {
        LocalDate today = LocalDate.now();
        var f = LogFixture.create(jdbc, today.minusWeeks(2), today.plusWeeks(4));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/internships/{id}/logs", f.placement())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"weekOf\":\"" + today.with(java.time.DayOfWeek.MONDAY) + "\",\"body\":\"H2\"}")
                        .with(httpBasic(f.student(), TestUsers.PASSWORD)))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/internships/logs/to-sign").with(httpBasic(f.unit(), TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.items[*].internshipId", hasItem((int) f.placement())));
        var teacher = Sessions.login(mvc, TestUsers.STAFF);
        mvc.perform(get("/internships/{id}", f.placement()).session(teacher)).andExpect(status().isOk());
        mvc.perform(get("/internships/logs/review")
                        .param("supervisor", f.supervisor())
                        .session(teacher))
                .andExpect(status().isOk());
        mvc.perform(get("/internships/logs/to-sign").session(Sessions.login(mvc, f.unit())))
                .andExpect(status().isOk());
        mvc.perform(get("/internships/{id}/logs/new", f.placement()).session(Sessions.login(mvc, f.student())))
                .andExpect(status().isOk());
    }
}
