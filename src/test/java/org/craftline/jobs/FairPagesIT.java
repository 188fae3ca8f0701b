package org.craftline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The fair pages as the school administrator and the unit use them: a fair planned through its
 * form, a refused unit shown at its field on the fair's page, an offer recorded by the unit from
 * the page; a teacher is not offered the fair's forms.
 */
@PostgresTest
class FairPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    MessageSource messages;

    FairFixture fx;
    long unit;
    long otherUnit;
    long posting;
    long otherPosting;
    String student;

    @BeforeEach
    void setUp() {
        fx = new FairFixture(jdbc);
        unit = fx.enterprise("页面测试玉雕坊");
        otherUnit = fx.enterprise("页面测试玉器行");
        posting = fx.posting(unit, "玉雕抛光工", 2);
        otherPosting = fx.posting(otherUnit, "玉器导购", 1);
        student = fx.student(fx.zhenping, "P");
    }

    @AfterEach
    void cleanUp() {
        fx.cleanUp();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(as(username)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theAdministratorPlansAFairAndPutsUnitsAtBoothsFromThePages() throws Exception {
        assertThat(page("/fairs/new", TestUsers.SCHOOL_ADMIN)).contains("name=\"heldOn\"");
        String today = LocalDate.now().toString();
        String location = mvc.perform(post("/fairs")
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .with(csrf())
                        .param("name", "页面双选会" + fx.tag)
                        .param("heldOn", today)
                        .param("place", "实训楼大厅")
                        .param("status", "PLANNED"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/fairs/");
        String fair = location.substring("/fairs/".length());

        String refused = mvc.perform(post("/fairs/" + fair + "/units")
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .with(csrf())
                        .param("enterpriseId", String.valueOf(unit))
                        .param("booth", "P1")
                        .param("postingIds", String.valueOf(otherPosting)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("is-invalid")
                .contains(messages.getMessage("fair.posting.notTheUnits", null, Locale.SIMPLIFIED_CHINESE));

        mvc.perform(post("/fairs/" + fair + "/units")
                        .with(as(TestUsers.SCHOOL_ADMIN))
                        .with(csrf())
                        .param("enterpriseId", String.valueOf(unit))
                        .param("booth", "P1")
                        .param("postingIds", String.valueOf(posting)))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/fairs/" + fair, TestUsers.SCHOOL_ADMIN)).contains("页面测试玉雕坊" + fx.tag, "玉雕抛光工");
        assertThat(page("/fairs", TestUsers.SCHOOL_ADMIN)).contains("页面双选会" + fx.tag);

        // the teacher reads the fair without its forms; the unit records its offer from the page
        assertThat(page("/fairs/" + fair, TestUsers.STAFF))
                .contains("玉雕抛光工")
                .doesNotContain("action=\"/fairs/" + fair + "/units\"");
        String unitUser = fx.user("ENTERPRISE", fx.zhenping, unit, null);
        assertThat(page("/fairs/" + fair, unitUser)).contains("action=\"/fairs/" + fair + "/offers\"");
        mvc.perform(post("/fairs/" + fair + "/offers")
                        .with(as(unitUser))
                        .with(csrf())
                        .param("studentNumber", student)
                        .param("postingId", String.valueOf(posting))
                        .param("offeredOn", today))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/fairs/" + fair, unitUser)).contains("双选生P").doesNotContain(student);
    }
}
