package org.craftline.organisation.domain;

import java.util.HashMap;
import java.util.Map;
import org.craftline.organisation.domain.Forms.MajorForm;
import org.craftline.organisation.domain.Views.MajorView;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.shared.ConflictException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The national catalogue of vocational majors (shared); which school offers which is in Schools. */
@Service
public class Majors {

    private final JdbcClient jdbc;
    private final OrganisationAccess access;
    private final AuditLog audit;
    private final EditVersions versions;

    Majors(JdbcClient jdbc, OrganisationAccess access, AuditLog audit, EditVersions versions) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.versions = versions;
    }

    /** The catalogue, or with a school code only the majors that school offers (within scope). */
    @Transactional(readOnly = true)
    public Paged<MajorView> list(String q, String offeredBy, PageQuery page) {
        Where where =
                offeredBy == null || offeredBy.isBlank() ? Where.of("1 = 1", Map.of()) : offeredBy(offeredBy.trim());
        where.contains(q, "m.code", "m.name", "m.name_en");
        return SqlPages.fetch(
                jdbc, "m.id, m.code, m.name, m.name_en, m.version", "major m", where, "m.code", page, MajorView.class);
    }

    private Where offeredBy(String schoolCode) {
        var scope = access.readScope();
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("offeredBy", schoolCode);
        return Where.of(
                "EXISTS (SELECT 1 FROM school_major sm JOIN school s ON s.id = sm.school_id"
                        + " WHERE sm.major_id = m.id AND s.code = :offeredBy AND " + scope.sql("s.id") + ")",
                params);
    }

    @Transactional(readOnly = true)
    public MajorView get(String code) {
        return jdbc.sql("SELECT id, code, name, name_en, version FROM major WHERE code = :code")
                .param("code", code)
                .query(MajorView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("major", code));
    }

    @Transactional
    public MajorView create(MajorForm form) {
        access.checkWriteShared();
        if (jdbc.sql("SELECT COUNT(*) FROM major WHERE code = :c")
                        .param("c", form.code())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException("major.code.taken", "code", form.code());
        }
        jdbc.sql("INSERT INTO major (code, name, name_en) VALUES (:code, :name, :nameEn)")
                .param("code", form.code())
                .param("name", form.name().trim())
                .param("nameEn", Regions.trim(form.nameEn()))
                .update();
        MajorView created = get(form.code());
        audit.created("major", form.code(), null, created);
        return created;
    }

    @Transactional
    public MajorView update(String code, MajorForm form) {
        access.checkWriteShared();
        MajorView before = get(code);
        versions.claim("major", before.id(), form.version(), "major", code);
        jdbc.sql("UPDATE major SET name = :name, name_en = :nameEn WHERE code = :code")
                .param("name", form.name().trim())
                .param("nameEn", Regions.trim(form.nameEn()))
                .param("code", code)
                .update();
        MajorView after = get(code);
        audit.updated("major", code, null, before, after);
        return after;
    }
}
