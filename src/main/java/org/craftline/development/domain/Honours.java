package org.craftline.development.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.platform.StoredFiles;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Text;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** Honours of the schools in scope and of their people, each with at most one certificate file. */
@Service
public class Honours {

    static final StoredFiles.Kind CERTIFICATES =
            new StoredFiles.Kind("honour", "honours", "certificate", "honour.certificate");

    static final String SELECT = "h.id, sc.code AS school_code, sc.name AS school_name, h.title, h.awarding_body,"
            + " h.honour_level AS level, h.from_year, h.to_year,"
            + " CASE WHEN h.student_id IS NOT NULL THEN 'STUDENT' WHEN h.staff_id IS NOT NULL THEN 'STAFF'"
            + " ELSE 'SCHOOL' END AS holder_kind, COALESCE(st.student_number, sf.staff_number) AS holder_number,"
            + " COALESCE(st.name, sf.name) AS holder_name, h.note, h.certificate_name, h.certificate_type, h.created_at, h.version";
    static final String FROM = "honour h JOIN school sc ON sc.id = h.school_id"
            + " LEFT JOIN student st ON st.id = h.student_id LEFT JOIN staff sf ON sf.id = h.staff_id";

    /** Newest first, national before provincial before municipal before county within a year. */
    static final String ORDER = "h.from_year DESC, CASE h.honour_level WHEN 'NATIONAL' THEN 1 WHEN 'PROVINCIAL' THEN 2"
            + " WHEN 'MUNICIPAL' THEN 3 ELSE 4 END, h.id DESC";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final StoredFiles files;
    private final HonourHolders holders;
    private final Clock clock;
    private final EditVersions versions;

    Honours(
            JdbcClient jdbc,
            Tenancy tenancy,
            AuditLog audit,
            StoredFiles files,
            HonourHolders holders,
            Clock clock,
            EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.files = files;
        this.holders = holders;
        this.clock = clock;
        this.versions = versions;
    }

    /** The list's filters; {@code year} keeps the honours whose year or period includes it. */
    public record Filter(AwardLevel level, Integer year, String q) {}

    @Transactional(readOnly = true)
    public Paged<HonourView> list(Filter f, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where = Where.of(scope.sql("h.school_id"), scope.params())
                .and(
                        "h.honour_level = :level",
                        "level",
                        f.level() == null ? null : f.level().name())
                .and("h.from_year <= :year AND COALESCE(h.to_year, h.from_year) >= :year", "year", f.year())
                .contains(f.q(), "h.title", "h.awarding_body");
        return SqlPages.fetch(jdbc, SELECT, FROM, where, ORDER, page, HonourView.class);
    }

    @Transactional(readOnly = true)
    public HonourView get(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE h.id = :id AND " + scope.sql("h.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(HonourView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("honour", String.valueOf(id)));
    }

    @Transactional
    public HonourView create(HonourForm form) {
        long schoolId = tenancy.administeredSchool(form.schoolCode());
        if (form.toYear() != null && form.toYear() < form.fromYear()) {
            throw new InvalidFieldException("toYear", "honour.period");
        }
        HonourHolders.Holder holder = holders.resolve(schoolId, form.studentNumber(), form.staffNumber());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO honour (school_id, student_id, staff_id, title, awarding_body, honour_level, from_year,
                               to_year, note, created_at)
                        VALUES (:school, :student, :staff, :title, :body, :level, :from, :to, :note, :at)
                        """)
                .param("school", schoolId)
                .param("student", holder.studentId())
                .param("staff", holder.staffId())
                .param("title", Text.normalise(form.title()))
                .param("body", Text.normalise(form.awardingBody()))
                .param("level", form.level().name())
                .param("from", form.fromYear())
                .param("to", form.toYear())
                .param("note", FreeText.of(form.note()))
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        HonourView created = get(keys.getKeyAs(Long.class));
        audit.created("honour", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    /** Corrects an honour; it stays with its school (the form's school code is not read). */
    @Transactional
    public HonourView update(long id, HonourForm form) {
        HonourView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        if (form.toYear() != null && form.toYear() < form.fromYear()) {
            throw new InvalidFieldException("toYear", "honour.period");
        }
        HonourHolders.Holder holder = holders.resolve(schoolId, form.studentNumber(), form.staffNumber());
        versions.claim("honour", id, form.version(), "honour", String.valueOf(id));
        jdbc.sql("""
                        UPDATE honour SET student_id = :student, staff_id = :staff, title = :title, awarding_body = :body,
                               honour_level = :level, from_year = :from, to_year = :to, note = :note
                        WHERE id = :id
                        """)
                .param("student", holder.studentId())
                .param("staff", holder.staffId())
                .param("title", Text.normalise(form.title()))
                .param("body", Text.normalise(form.awardingBody()))
                .param("level", form.level().name())
                .param("from", form.fromYear())
                .param("to", form.toYear())
                .param("note", FreeText.of(form.note()))
                .param("id", id)
                .update();
        HonourView after = get(id);
        audit.updated("honour", String.valueOf(id), schoolId, before, after);
        return after;
    }

    /** Attaches the certificate, replacing any earlier one; refuses all but PDF, PNG and JPEG. */
    @Transactional
    public HonourView attach(long id, MultipartFile file) {
        HonourView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        files.attach(CERTIFICATES, id, file);
        HonourView after = get(id);
        audit.updated("honour", String.valueOf(id), schoolId, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public StoredFiles.Download certificate(long id) {
        get(id); // the row within the user's scope, or 404
        return files.download(CERTIFICATES, id);
    }

    @Transactional
    public void delete(long id) {
        HonourView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        files.deleteWithRow(CERTIFICATES, id);
        jdbc.sql("DELETE FROM honour WHERE id = :id").param("id", id).update();
        audit.deleted("honour", String.valueOf(id), schoolId, before);
    }

    private long schoolIdOf(long id) {
        return jdbc.sql("SELECT school_id FROM honour WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
