package org.craftline.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.craftline.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo's spring fair: 120 county units at their booths, the class of 2026 registered, offers made. */
@PostgresTest
class FairsDemoIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSpringFairHasItsUnitsAndTheGraduatingClass() {
        Map<String, Object> fair = jdbc.sql("""
                        SELECT f.id,
                          (SELECT COUNT(*) FROM job_fair_unit u WHERE u.fair_id = f.id) AS units,
                          (SELECT COUNT(*) FROM job_fair_registration r WHERE r.fair_id = f.id) AS registered,
                          (SELECT COUNT(*) FROM job_fair_registration r WHERE r.fair_id = f.id AND r.attended) AS attended,
                          (SELECT COUNT(*) FROM student s JOIN school sc ON sc.id = s.school_id
                            WHERE sc.code = '4141013240' AND s.graduation_year = 2026) AS graduates
                        FROM job_fair f WHERE f.name = '2026年春季毕业生双选会'
                        """).query().singleRow();
        assertThat(((Number) fair.get("units")).longValue()).isEqualTo(120);
        assertThat(fair.get("registered")).isEqualTo(fair.get("graduates"));
        assertThat(((Number) fair.get("attended")).longValue())
                .isPositive()
                .isLessThan(((Number) fair.get("registered")).longValue());
        // every booth's unit is of the school's county
        assertThat(jdbc.sql("SELECT COUNT(*) FROM job_fair_unit u JOIN enterprise e ON e.id = u.enterprise_id"
                                + " WHERE u.fair_id = :f AND e.region_id <> (SELECT region_id FROM school WHERE code"
                                + " = '4141013240')")
                        .param("f", fair.get("id"))
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
