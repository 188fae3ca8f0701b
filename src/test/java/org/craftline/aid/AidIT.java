package org.craftline.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.craftline.aid.domain.EligibilityPicks;
import org.craftline.shared.ListTotalsCap;
import org.craftline.shared.Term;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;

@PostgresTest
class AidIT extends AidChecks {

    /**
     * Beyond the cap of students drawn from, the eligibility list's total is "about N" from a random
     * sample of them (a 25th of the cap), not a count evaluating the rules for every student; within
     * it, exact. The cap is lowered to half the demo school's students of the list; the sample is
     * found both ways (the students drawn from read and counted, ids picked at random), and each
     * total is within 25% of the exact one.
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
            assertSampled(eligibility(), total);
            try (var picks = EligibilityPicks.always()) {
                assertSampled(eligibility(), total);
            }
        }
    }

    /**
     * A name search beyond the cap samples the first students of the name in name order (the range
     * its page reads): "about N", from the planner's estimate of the surname's students.
     */
    @Test
    void aNameSearchBeyondTheCapSamplesInNameOrder() throws Exception {
        jdbc.sql("ANALYZE student").update();
        String surname = jdbc.sql("SELECT LEFT(s.name, 1) FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :code AND s.entry_year >= :start - 2"
                        + " GROUP BY LEFT(s.name, 1) ORDER BY COUNT(*) DESC, LEFT(s.name, 1) LIMIT 1")
                .param("code", TestUsers.ZHENPING)
                .param("start", Term.of(LocalDate.now()).startYear())
                .query(String.class)
                .single();
        try (var cap = ListTotalsCap.of(5)) {
            String sampled = eligibility(surname);
            assertThat((Boolean) JsonPath.read(sampled, "$.totalExact")).isFalse();
            assertThat(((Number) JsonPath.read(sampled, "$.total")).longValue()).isGreaterThan(5);
            List<String> names = JsonPath.read(sampled, "$.items[*].name");
            assertThat(names).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith(surname));
        }
    }

    private static void assertSampled(String sampled, long exact) {
        assertThat((Boolean) JsonPath.read(sampled, "$.totalExact")).isFalse();
        assertThat(((Number) JsonPath.read(sampled, "$.total")).doubleValue()).isBetween(0.75 * exact, 1.25 * exact);
        assertThat((List<?>) JsonPath.read(sampled, "$.items")).hasSize(20);
    }

    /** The demo school's eligibility list, the default term, all of years 1-3, by the school's administrator. */
    private String eligibility() throws Exception {
        return eligibility("");
    }

    /** The same, searched (an empty search is none). */
    private String eligibility(String q) throws Exception {
        return mvc.perform(get("/api/v1/aid/eligibility")
                        .param("show", "ALL")
                        .param("q", q)
                        .param("school", TestUsers.ZHENPING)
                        .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
