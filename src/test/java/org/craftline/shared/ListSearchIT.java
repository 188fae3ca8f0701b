package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
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
        expectListedByName("certificate", "holder_name", "/api/v1/certificates", "holder", "holderName");
    }

    /** A surname search of the placements lists by the student's name (the index of migration V70). */
    @Test
    void aPlacementSurnameSearchListsByTheStudentsName() throws Exception {
        expectListedByName("internship", "student_name", "/api/v1/internships", "q", "studentName");
    }

    /**
     * A name search of the hardship recognitions and of the ledger lists by the name (migration V97),
     * of the eligibility list by the student's name.
     */
    @Test
    void theAidListsNameSearchesListByTheStudentsName() throws Exception {
        expectListedByName("hardship_recognition", "student_name", "/api/v1/aid/hardships", "q", "studentName");
        expectListedByName("aid_disbursement", "student_name", "/api/v1/aid/disbursements", "q", "studentName");
        // a surname of the recognised: students of years 1-3 in school (most of the demo's students are graduates)
        expectListedByName("hardship_recognition", "student_name", "/api/v1/aid/eligibility?show=ALL", "q", "name");
    }

    /**
     * Searches the list for the surname most of the demo school's rows bear (among several names)
     * and expects the names it answers to start with it, in byte order.
     */
    private void expectListedByName(String table, String column, String url, String param, String field)
            throws Exception {
        String surname = jdbc.sql("SELECT SUBSTRING(t.%1$s, 1, 1) AS surname FROM %2$s t".formatted(column, table)
                        + " JOIN school sc ON sc.id = t.school_id WHERE sc.code = :code"
                        + " GROUP BY SUBSTRING(t.%1$s, 1, 1) HAVING COUNT(DISTINCT t.%1$s) > 1".formatted(column)
                        + " ORDER BY COUNT(*) DESC FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .single();
        String body = body(url, param, surname, "size", "200");
        List<String> names = JsonPath.read(body, "$.items[*]." + field);
        assertThat(names).hasSizeGreaterThan(1).allMatch(n -> n.startsWith(surname));
        // byte order of UTF-8 is the order of code points
        assertThat(names)
                .isSortedAccordingTo(
                        Comparator.comparing((String n) -> n.codePoints().toArray(), java.util.Arrays::compare));
    }

    /**
     * The planner cannot estimate a contains search by name: it assumes ten names in the array the
     * search computes, so its guess follows the table, not the text (here about 1,900 rows for a name
     * of one). The list is counted, up to the cap, and shown exact.
     */
    @Test
    void aContainsSearchByNameIsCountedNotGuessed() {
        jdbc.sql("CREATE TABLE blind_names (id BIGINT PRIMARY KEY, name VARCHAR(50) NOT NULL)")
                .update();
        try (var cap = ListTotalsCap.of(100)) {
            jdbc.sql("INSERT INTO blind_names SELECT g, '名' || (g % 100) FROM generate_series(1, 20000) g")
                    .update();
            jdbc.sql("INSERT INTO blind_names VALUES (20001, 'Zzzq Only')").update();
            jdbc.sql("ANALYZE blind_names").update();
            String where = " WHERE " + TextSearch.nameContains("blind_names", "name", "t.name");
            var params = java.util.Map.of("qFrom", "zzzq", "qContains", "%zzzq%");
            String plan = String.join(
                    "\n",
                    jdbc.sql("EXPLAIN SELECT 1 FROM blind_names t" + where)
                            .params(params)
                            .query(String.class)
                            .list());
            var guessed = java.util.regex.Pattern.compile("rows=([0-9]+)").matcher(plan);
            assertThat(guessed.find()).isTrue();
            assertThat(Long.parseLong(guessed.group(1)))
                    .as("the planner's guess")
                    .isGreaterThan(100);
            assertThat(ListTotals.blind(where)).isTrue();

            assertThat(ListTotals.count(jdbc, "blind_names t", where, params)).isEqualTo(new ListTotals.Total(1, true));
        } finally {
            jdbc.sql("DROP TABLE blind_names").update();
        }
    }
}
