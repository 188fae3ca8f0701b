package org.craftline.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.craftline.shared.ListTotalsCap;
import org.craftline.shared.Term;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;

@PostgresTest
class AidIT extends AidChecks {

    /**
     * Beyond the cap of students drawn from, the eligibility list's total is "about N" from a sample
     * of students in name order (a tenth of the cap), not a count evaluating the rules for every
     * student; within it, exact. The cap is lowered to half the demo school's students of the list.
     */
    @Test
    void theEligibilityTotalOfAListDrawnFromManyStudentsIsSampled() throws Exception {
        jdbc.sql("ANALYZE student").update(); // the planner's estimate of the students drawn from
        String exact = eligibility();
        long total = ((Number) JsonPath.read(exact, "$.total")).longValue();
        assertThat((Boolean) JsonPath.read(exact, "$.totalExact")).isTrue();
        long drawn = jdbc.sql("SELECT COUNT(*) FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :code AND s.entry_year >= :start - 2")
                .param("code", TestUsers.ZHENPING)
                .param("start", Term.of(LocalDate.now()).startYear())
                .query(Long.class)
                .single();
        assertThat(total).isGreaterThan(100);
        try (var cap = ListTotalsCap.of((int) drawn / 2)) {
            String sampled = eligibility();
            assertThat((Boolean) JsonPath.read(sampled, "$.totalExact")).isFalse();
            assertThat(((Number) JsonPath.read(sampled, "$.total")).doubleValue())
                    .isBetween(0.75 * total, 1.25 * total);
            assertThat((List<?>) JsonPath.read(sampled, "$.items")).hasSize(20);
        }
    }

    /** The demo school's eligibility list, the default term, all of years 1-3, by the school's administrator. */
    private String eligibility() throws Exception {
        return mvc.perform(get("/api/v1/aid/eligibility")
                        .param("show", "ALL")
                        .param("school", TestUsers.ZHENPING)
                        .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
