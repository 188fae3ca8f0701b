package org.craftline.enterprises.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.platform.StoredFiles;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cooperation agreements of the schools in scope with enterprises of the shared registry, each with
 * at most one signed document (PDF or image) kept under the data directory.
 */
@Service
public class Cooperations {

    static final String SELECT = "c.id, sc.code AS school_code, sc.name AS school_name, c.enterprise_id,"
            + " e.name AS enterprise_name, c.type, c.starts_on, c.ends_on, c.note, c.document_name, c.document_type,"
            + " c.created_at, c.version";
    static final String FROM =
            "cooperation c JOIN school sc ON sc.id = c.school_id JOIN enterprise e ON e.id = c.enterprise_id";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final StoredFiles documents;
    private final Clock clock;
    private final EditVersions versions;

    Cooperations(
            JdbcClient jdbc,
            Tenancy tenancy,
            AuditLog audit,
            StoredFiles documents,
            Clock clock,
            EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.documents = documents;
        this.clock = clock;
        this.versions = versions;
    }

    /** The list's filters; {@code activeOn} keeps the agreements whose period includes that day. */
    public record Filter(Long enterpriseId, CooperationType type, LocalDate activeOn) {}

    /** Signed agreements lie in "documents/", refused uploads are reported on the field "document". */
    static final StoredFiles.Kind DOCUMENTS =
            new StoredFiles.Kind("cooperation", "documents", "document", "cooperation.document");

    @Transactional(readOnly = true)
    public Paged<CooperationView> list(Filter f, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where = Where.of(scope.sql("c.school_id"), scope.params())
                .and("c.enterprise_id = :enterprise", "enterprise", f.enterpriseId())
                .and(
                        "c.type = :type",
                        "type",
                        f.type() == null ? null : f.type().name())
                .and(
                        "c.starts_on <= :activeOn AND (c.ends_on IS NULL OR c.ends_on >= :activeOn)",
                        "activeOn",
                        f.activeOn());
        return SqlPages.fetch(
                jdbc,
                SELECT,
                FROM,
                where,
                page,
                Keyset.of(List.of("c.starts_on", "c.id"), true, "c.id", CooperationView::id, page),
                CooperationView.class);
    }

    /** The agreements of the user's schools with one enterprise, newest first. */
    @Transactional(readOnly = true)
    public List<CooperationView> ofEnterprise(long enterpriseId) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE c.enterprise_id = :e AND "
                        + scope.sql("c.school_id") + " ORDER BY c.starts_on DESC, c.id DESC FETCH FIRST 200 ROWS ONLY")
                .params(scope.params())
                .param("e", enterpriseId)
                .query(CooperationView.class)
                .list();
    }

    @Transactional(readOnly = true)
    public CooperationView get(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE c.id = :id AND " + scope.sql("c.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(CooperationView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("cooperation", String.valueOf(id)));
    }

    @Transactional
    public CooperationView create(CooperationForm form) {
        long schoolId = tenancy.administeredSchool(form.schoolCode());
        checkEnterprise(form.enterpriseId());
        if (form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            throw new InvalidFieldException("endsOn", "cooperation.period");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO cooperation (school_id, enterprise_id, type, starts_on, ends_on, note, created_at)
                        VALUES (:school, :enterprise, :type, :starts, :ends, :note, :at)
                        """)
                .param("school", schoolId)
                .param("enterprise", form.enterpriseId())
                .param("type", form.type().name())
                .param("starts", form.startsOn())
                .param("ends", form.endsOn())
                .param("note", StringUtils.hasText(form.note()) ? form.note().strip() : null)
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        CooperationView created = get(keys.getKeyAs(Long.class));
        audit.created("cooperation", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    /**
     * Attaches the signed agreement, replacing any earlier one; refuses all but PDF, PNG and JPEG, and a
     * replacement made from an older version of the agreement than the stored one.
     */
    @Transactional
    public CooperationView attach(long id, MultipartFile file, Integer version) {
        CooperationView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        versions.claim("cooperation", id, version, "cooperation", String.valueOf(id));
        documents.attach(DOCUMENTS, id, file);
        CooperationView after = get(id);
        audit.updated("cooperation", String.valueOf(id), schoolId, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public StoredFiles.Download document(long id) {
        get(id); // the row within the user's scope, or 404
        return documents.download(DOCUMENTS, id);
    }

    @Transactional
    public void delete(long id) {
        CooperationView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        documents.deleteWithRow(DOCUMENTS, id);
        jdbc.sql("DELETE FROM cooperation WHERE id = :id").param("id", id).update();
        audit.deleted("cooperation", String.valueOf(id), schoolId, before);
    }

    private void checkEnterprise(long enterpriseId) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE id = :id")
                        .param("id", enterpriseId)
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            throw new InvalidFieldException("enterpriseId", "cooperation.enterprise.unknown");
        }
    }

    private long schoolIdOf(long id) {
        return jdbc.sql("SELECT school_id FROM cooperation WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
