package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;

/** The growing lists' searches on PostgreSQL: ranges in byte order and trigram indexes. */
@PostgresTest
class ListSearchIT extends ListSearchChecks {

    /** On PostgreSQL a holder name search lists by the holder's name (the index of migration V70). */
    @Test
    void aCertificateHolderNameSearchListsByTheHoldersName() throws Exception {
        String surname = jdbc.sql("SELECT SUBSTRING(c.holder_name, 1, 1) AS surname FROM certificate c"
                        + " JOIN school sc ON sc.id = c.school_id WHERE sc.code = :code"
                        + " GROUP BY SUBSTRING(c.holder_name, 1, 1) HAVING COUNT(DISTINCT c.holder_name) > 1"
                        + " ORDER BY COUNT(*) DESC FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .single();
        String body = mvc.perform(get("/api/v1/certificates")
                        .param("holder", surname)
                        .param("size", "200")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> names = JsonPath.read(body, "$.items[*].holderName");
        assertThat(names).hasSizeGreaterThan(1).allMatch(n -> n.startsWith(surname));
        // byte order of UTF-8 is the order of code points
        assertThat(names)
                .isSortedAccordingTo(
                        Comparator.comparing((String n) -> n.codePoints().toArray(), java.util.Arrays::compare));
    }

    /** A surname search of the placements lists by the student's name (the index of migration V70). */
    @Test
    void aPlacementSurnameSearchListsByTheStudentsName() throws Exception {
        String surname = jdbc.sql("SELECT SUBSTRING(i.student_name, 1, 1) AS surname FROM internship i"
                        + " JOIN school sc ON sc.id = i.school_id WHERE sc.code = :code"
                        + " GROUP BY SUBSTRING(i.student_name, 1, 1) HAVING COUNT(DISTINCT i.student_name) > 1"
                        + " ORDER BY COUNT(*) DESC FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .single();
        String body = mvc.perform(get("/api/v1/internships")
                        .param("q", surname)
                        .param("size", "200")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> names = JsonPath.read(body, "$.items[*].studentName");
        assertThat(names).hasSizeGreaterThan(1).allMatch(n -> n.startsWith(surname));
        assertThat(names)
                .isSortedAccordingTo(
                        Comparator.comparing((String n) -> n.codePoints().toArray(), java.util.Arrays::compare));
    }
}
