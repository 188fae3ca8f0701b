package org.craftline.talent.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The masters trained by a school: its graduates holding a valid master honour, each once at the
 * highest level held (national over provincial over municipal), with their consent to be named on
 * the school's public page.
 */
@Service
public class Masters {

    /** Each graduate's best valid honour; {@code %s} takes the school condition on {@code c.school_id}. */
    static final String BEST = """
            (SELECT c.school_id, c.student_id, c.grade, c.grade_rank, c.name, c.issued_year,
                    ROW_NUMBER() OVER (PARTITION BY c.student_id ORDER BY c.grade_rank DESC, c.issued_year, c.id) AS pick
             FROM certificate c
             WHERE c.kind = 'MASTER' AND c.status = 'VALID' AND c.student_id IS NOT NULL AND %s) b
            JOIN student s ON s.id = b.student_id AND s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL
            JOIN school sc ON sc.id = b.school_id
            LEFT JOIN destination d ON d.student_id = s.id AND d.latest = TRUE AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')
            LEFT JOIN enterprise e ON e.id = d.enterprise_id
            LEFT JOIN publication_consent pc ON pc.student_id = s.id
            """;

    static final String SELECT = "sc.code AS school_code, s.student_number, s.name, b.grade AS level,"
            + " b.name AS honour, b.issued_year AS master_year, s.graduation_year,"
            + " COALESCE(e.name, d.employer_name) AS enterprise, pc.consented, pc.given_on AS consent_given_on,"
            + " COALESCE(pc.version, 0) AS consent_version";
    static final String ORDER = "b.grade_rank DESC, b.issued_year, s.student_number";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;
    private final EditVersions versions;

    Masters(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, Clock clock, EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
        this.versions = versions;
    }

    /** The masters of the schools in scope (or of one of them), optionally of one level only. */
    @Transactional(readOnly = true)
    public Paged<MasterView> list(String schoolCode, Grade level, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where = Where.of("b.pick = 1", scope.params())
                .and("sc.code = :school", "school", schoolCode)
                .and("b.grade = :level", "level", level == null ? null : level.name());
        return SqlPages.fetch(
                jdbc, SELECT, BEST.formatted(scope.sql("c.school_id")), where, ORDER, page, MasterView.class);
    }

    /** The consenting masters of a school, for its public page; no sign-in, so no scope. */
    @Transactional(readOnly = true)
    public List<PublicMaster> published(String schoolCode) {
        long schoolId = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", schoolCode)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("school", schoolCode));
        return jdbc.sql("SELECT s.name, b.grade AS level, b.name AS honour, b.issued_year AS master_year,"
                        + " s.graduation_year, COALESCE(e.name, d.employer_name) AS enterprise FROM "
                        + BEST.formatted("c.school_id = :s") + " WHERE b.pick = 1 AND pc.consented = TRUE"
                        + " ORDER BY " + ORDER + " FETCH FIRST 1000 ROWS ONLY")
                .param("s", schoolId)
                .query(PublicMaster.class)
                .list();
    }

    @Transactional(readOnly = true)
    public String schoolName(String schoolCode) {
        return jdbc.sql("SELECT name FROM school WHERE code = :c")
                .param("c", schoolCode)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("school", schoolCode));
    }

    @Transactional(readOnly = true)
    public String schoolCode(long schoolId) {
        return jdbc.sql("SELECT code FROM school WHERE id = :s")
                .param("s", schoolId)
                .query(String.class)
                .single();
    }

    /** Records a graduate's consent or its withdrawal; the school administers the graduate. */
    @Transactional
    public MasterConsent consent(String schoolCode, String studentNumber, ConsentForm form) {
        long schoolId = tenancy.administeredSchool(schoolCode);
        long studentId = jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number = :n"
                        + " AND status = 'GRADUATED' AND graduation_year IS NOT NULL")
                .param("s", schoolId)
                .param("n", studentNumber)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("graduate", studentNumber));
        MasterConsent before = current(studentId, studentNumber);
        int version = versions.claimWhere(
                "publication_consent",
                "student_id = :key",
                Map.of("key", studentId),
                form.version(),
                "publication_consent",
                studentNumber);
        jdbc.sql("DELETE FROM publication_consent WHERE student_id = :s")
                .param("s", studentId)
                .update();
        jdbc.sql("""
                        INSERT INTO publication_consent (student_id, school_id, consented, given_on, recorded_by, recorded_at, version)
                        VALUES (:s, :school, :consented, :on, :by, :at, :version)
                        """)
                .param("s", studentId)
                .param("school", schoolId)
                .param("consented", form.consented())
                .param("on", form.givenOn())
                .param("by", tenancy.currentUser().username())
                .param("at", OffsetDateTime.now(clock))
                .param("version", version)
                .update();
        MasterConsent after = current(studentId, studentNumber);
        audit.updated("publication_consent", studentNumber, schoolId, before, after);
        return after;
    }

    /** A graduate's consent as recorded. */
    public record MasterConsent(String studentNumber, Boolean consented, java.time.LocalDate givenOn, int version) {}

    private MasterConsent current(long studentId, String number) {
        List<Map<String, Object>> rows = jdbc.sql(
                        "SELECT consented, given_on, version FROM publication_consent WHERE student_id = :s")
                .param("s", studentId)
                .query()
                .listOfRows();
        if (rows.isEmpty()) {
            return new MasterConsent(number, null, null, 0);
        }
        Object on = rows.get(0).get("given_on");
        return new MasterConsent(
                number,
                (Boolean) rows.get(0).get("consented"),
                on instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) on,
                ((Number) rows.get(0).get("version")).intValue());
    }
}
