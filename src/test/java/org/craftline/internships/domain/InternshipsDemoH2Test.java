package org.craftline.internships.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.ApplicationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's internships (on H2, as {@code ./mvnw spring-boot:run} loads them): the Zhenping
 * final-year classes placed, every placement within the 2021 rules as the entry check judges it
 * (the two at risk only by the cover change recorded after entry), real signed files, logs and
 * records, refused attempts in the audit log.
 */
// a database of its own: the H2 tests sharing one add placements of the demo school, and this test
// counts the demo's alone
@org.springframework.boot.test.context.SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:internshipsdemo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH",
            "craftline.admin-password=" + org.craftline.support.TestUsers.PASSWORD,
            "craftline.demo.password=" + org.craftline.support.TestUsers.PASSWORD
        })
class InternshipsDemoH2Test {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlacementCheck check;

    @Autowired
    ApplicationProperties properties;

    private long school() {
        return jdbc.sql("SELECT id FROM school WHERE code = '4141013240'")
                .query(Long.class)
                .single();
    }

    @Test
    void mostOfTheFinalYearIsPlacedInTheCountysJadeAndCarpetUnits() {
        Map<String, Object> counts = jdbc.sql("""
                        SELECT COUNT(*) AS final_year,
                          COUNT(CASE WHEN EXISTS (SELECT 1 FROM internship i WHERE i.student_id = s.id
                            AND i.kind = 'POST') THEN 1 END) AS placed
                        FROM student s WHERE s.school_id = :s AND s.entry_year = 2024 AND s.status = 'ENROLLED'
                        """).param("s", school()).query().singleRow();
        long finalYear = ((Number) counts.get("final_year")).longValue();
        long placed = ((Number) counts.get("placed")).longValue();
        assertThat(placed).isGreaterThan(finalYear * 9 / 10).isLessThan(finalYear);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM internship i JOIN enterprise e ON e.id = i.enterprise_id"
                                + " JOIN region r ON r.id = e.region_id WHERE i.school_id = :s AND (r.code <> '411324'"
                                + " OR e.industry NOT IN ('JADE_CARVING', 'CARPET') OR e.staff_count IS NULL)")
                        .param("s", school())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Every demo placement passes the entry check as it stands; the two at risk break only the insurance rule. */
    @Test
    @Transactional
    void everyPlacementKeepsTheRulesButTheTwoAtRisk() {
        long schoolId = school();
        List<Object[]> atRisk = new java.util.ArrayList<>();
        for (Map<String, Object> row : placements(schoolId)) {
            PlacementForm form = form(row);
            long id = ((Number) row.get("id")).longValue();
            var target = check.resolve(schoolId, form);
            Set<Rule> broken =
                    check.broken(target, form, id, row.get("agreement_path") != null, row.get("consent_path") != null);
            if (!broken.isEmpty()) {
                atRisk.add(new Object[] {id, broken});
            }
        }
        assertThat(atRisk).hasSize(2);
        atRisk.forEach(r -> assertThat((Set<?>) r[1]).isEqualTo(EnumSet.of(Rule.INSURANCE)));
        for (Object[] r : atRisk) {
            assertThat(jdbc.sql(
                                    "SELECT COUNT(*) FROM audit_event WHERE entity_type = 'internship' AND action = 'UPDATE'"
                                            + " AND entity_key = :k")
                            .param("k", String.valueOf(r[0]))
                            .query(Long.class)
                            .single())
                    .as("the cover change of %s is audited", r[0])
                    .isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM internship i WHERE i.school_id = :s AND " + PlacementQueries.AT_RISK)
                        .param("s", schoolId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void signedFilesAreRealPdfsAndMinorsHaveTheirGuardians() throws Exception {
        List<Map<String, Object>> rows = jdbc.sql("SELECT agreement_path, agreement_type, consent_path, minor,"
                        + " guardian_name FROM internship WHERE school_id = :s")
                .param("s", school())
                .query()
                .listOfRows();
        assertThat(rows).isNotEmpty();
        Path data = properties.dataDir().toAbsolutePath().normalize();
        for (Map<String, Object> row : rows) {
            assertThat(row.get("agreement_type")).isEqualTo("application/pdf");
            byte[] agreement = Files.readAllBytes(data.resolve((String) row.get("agreement_path")));
            assertThat(new String(agreement, 0, 8, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-1.4");
            boolean minor = Boolean.TRUE.equals(row.get("minor"));
            assertThat(row.get("consent_path") != null).isEqualTo(minor);
            assertThat(row.get("guardian_name") != null).isEqualTo(minor);
        }
        assertThat(rows.stream().filter(r -> Boolean.TRUE.equals(r.get("minor"))))
                .isNotEmpty();
    }

    @Test
    void logsRecordsAndEvaluationsOfThePlacementsUnderWay() {
        long schoolId = school();
        Map<String, Object> logs = jdbc.sql("""
                        SELECT COUNT(*) AS total, COUNT(l.signed_at) AS signed, COUNT(l.reviewed_at) AS reviewed,
                          COUNT(CASE WHEN l.week_of > :today OR l.week_of < i.starts_on THEN 1 END) AS ahead
                        FROM internship_log l JOIN internship i ON i.id = l.internship_id WHERE i.school_id = :s
                        """)
                .param("s", schoolId)
                .param("today", InternshipsDemo.TODAY)
                .query()
                .singleRow();
        long total = ((Number) logs.get("total")).longValue();
        long signed = ((Number) logs.get("signed")).longValue();
        long reviewed = ((Number) logs.get("reviewed")).longValue();
        assertThat(total).isGreaterThan(signed);
        assertThat(signed).isGreaterThan(reviewed);
        assertThat(reviewed).isPositive();
        assertThat(((Number) logs.get("ahead")).longValue()).isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM internship_contact c JOIN internship i ON i.id = c.internship_id"
                                + " WHERE i.school_id = :s AND c.kind = 'VISIT'",
                        schoolId))
                .isPositive();
        assertThat(count(
                        "SELECT COUNT(*) FROM internship_incident c JOIN internship i ON i.id = c.internship_id"
                                + " WHERE i.school_id = :s",
                        schoolId))
                .isEqualTo(1);
        // every ended placement is evaluated by its mentor and the school; none still open is
        assertThat(count(
                        "SELECT COUNT(*) FROM internship i LEFT JOIN internship_evaluation e ON e.internship_id = i.id"
                                + " WHERE i.school_id = :s AND i.status = 'ENDED' AND (e.passed IS NULL OR e.mentor_grade IS NULL)",
                        schoolId))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM internship_evaluation e JOIN internship i ON i.id = e.internship_id"
                                + " WHERE i.school_id = :s AND i.status <> 'ENDED'",
                        schoolId))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM internship WHERE school_id = :s AND status = 'ENDED'", schoolId))
                .isPositive();
        assertThat(count(
                        "SELECT COUNT(*) FROM internship WHERE school_id = :s AND status = 'ENDED_EARLY'"
                                + " AND end_reason IS NOT NULL",
                        schoolId))
                .isEqualTo(1);
        // each placement's history runs from planned to its status now
        assertThat(count(
                        "SELECT COUNT(*) FROM internship i WHERE i.school_id = :s AND NOT EXISTS (SELECT 1 FROM"
                                + " internship_status_change c WHERE c.internship_id = i.id AND c.status = i.status)",
                        schoolId))
                .isZero();
    }

    @Test
    void refusedAttemptsAreInTheAuditLogWithTheirRules() {
        List<String> refused = jdbc.sql("SELECT after_json FROM audit_event WHERE action = 'REFUSE'"
                        + " AND entity_type = 'internship' AND school_id = :s")
                .param("s", school())
                .query(String.class)
                .list();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(5);
        String all = String.join("\n", refused);
        for (Rule rule : List.of(
                Rule.FIRST_YEAR,
                Rule.HOURS_PER_DAY,
                Rule.NIGHT_SHIFTS,
                Rule.NO_GUARDIAN_CONSENT,
                Rule.INSURANCE,
                Rule.OVERLAP)) {
            assertThat(all).contains(rule.name());
        }
    }

    private long count(String sql, long schoolId) {
        return jdbc.sql(sql).param("s", schoolId).query(Long.class).single();
    }

    private List<Map<String, Object>> placements(long schoolId) {
        return jdbc.sql("""
                        SELECT i.id, s.student_number, i.enterprise_id, i.kind, i.post, i.post_headcount, i.starts_on,
                          i.ends_on, t.staff_number, i.mentor_name, i.mentor_phone, i.hours_per_day, i.days_per_week,
                          i.night_shifts, i.overtime, i.public_holidays, i.monthly_pay, i.post_wage, i.insurer,
                          i.policy_number, i.insured_from, i.insured_to, i.agreement_ends_on, i.guardian_name,
                          i.agreement_path, i.consent_path
                        FROM internship i JOIN student s ON s.id = i.student_id JOIN staff t ON t.id = i.supervisor_id
                        WHERE i.school_id = :s ORDER BY i.id
                        """).param("s", schoolId).query().listOfRows();
    }

    private static PlacementForm form(Map<String, Object> r) {
        return new PlacementForm(
                null,
                (String) r.get("student_number"),
                ((Number) r.get("enterprise_id")).longValue(),
                InternshipKind.valueOf((String) r.get("kind")),
                (String) r.get("post"),
                ((Number) r.get("post_headcount")).intValue(),
                date(r.get("starts_on")),
                date(r.get("ends_on")),
                (String) r.get("staff_number"),
                (String) r.get("mentor_name"),
                (String) r.get("mentor_phone"),
                (BigDecimal) r.get("hours_per_day"),
                ((Number) r.get("days_per_week")).intValue(),
                (Boolean) r.get("night_shifts"),
                (Boolean) r.get("overtime"),
                (Boolean) r.get("public_holidays"),
                (BigDecimal) r.get("monthly_pay"),
                (BigDecimal) r.get("post_wage"),
                (String) r.get("insurer"),
                (String) r.get("policy_number"),
                date(r.get("insured_from")),
                date(r.get("insured_to")),
                r.get("agreement_ends_on") == null ? null : date(r.get("agreement_ends_on")),
                (String) r.get("guardian_name"),
                false,
                null,
                null);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
