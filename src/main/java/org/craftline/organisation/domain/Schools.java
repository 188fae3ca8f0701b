package org.craftline.organisation.domain;

import java.util.List;
import org.craftline.organisation.domain.Forms.SchoolForm;
import org.craftline.organisation.domain.Views.MajorView;
import org.craftline.organisation.domain.Views.SchoolView;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Schools within the user's scope, and the majors each offers. */
@Service
public class Schools {

    private static final String SELECT = "s.id, s.code, s.name, s.name_en, r.code AS region_code,"
            + " r.name AS region_name, s.founded_year, s.version";
    private static final String FROM = "school s JOIN region r ON r.id = s.region_id";

    private final JdbcClient jdbc;
    private final OrganisationAccess access;
    private final AuditLog audit;
    private final EditVersions versions;

    Schools(JdbcClient jdbc, OrganisationAccess access, AuditLog audit, EditVersions versions) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.versions = versions;
    }

    /** Schools in scope, optionally in a region and all its sub-regions. */
    @Transactional(readOnly = true)
    public Paged<SchoolView> list(String q, String regionCode, PageQuery page) {
        Scope scope = access.readScope();
        Where where = Where.of(scope.sql("s.id"), scope.params())
                .and("r.path LIKE (SELECT path FROM region WHERE code = :region) || '%'", "region", regionCode)
                .contains(q, "s.code", "s.name", "s.name_en");
        return SqlPages.fetch(jdbc, SELECT, FROM, where, "s.code", page, SchoolView.class);
    }

    @Transactional(readOnly = true)
    public SchoolView get(String code) {
        Scope scope = access.readScope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE s.code = :code AND " + scope.sql("s.id"))
                .params(scope.params())
                .param("code", code)
                .query(SchoolView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("school", code));
    }

    @Transactional(readOnly = true)
    public List<MajorView> majorsOffered(String code) {
        SchoolView school = get(code);
        return jdbc.sql("""
                        SELECT m.id, m.code, m.name, m.name_en, m.version FROM school_major sm JOIN major m ON m.id = sm.major_id
                        WHERE sm.school_id = :school ORDER BY m.code
                        """).param("school", school.id()).query(MajorView.class).list();
    }

    @Transactional
    public SchoolView create(SchoolForm form) {
        access.checkWriteShared();
        if (jdbc.sql("SELECT COUNT(*) FROM school WHERE code = :c")
                        .param("c", form.code())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException("school.code.taken", "code", form.code());
        }
        jdbc.sql("""
                        INSERT INTO school (code, name, name_en, region_id, founded_year)
                        VALUES (:code, :name, :nameEn, :region, :founded)
                        """)
                .param("code", form.code())
                .param("name", form.name().trim())
                .param("nameEn", Regions.trim(form.nameEn()))
                .param("region", regionId(form.regionCode()))
                .param("founded", form.foundedYear())
                .update();
        SchoolView created = get(form.code());
        setMajors(created.id(), form.majorCodes());
        audit.created("school", created.code(), created.id(), snapshot(created));
        return created;
    }

    /**
     * Changes a school's details and the majors it offers. Its code is its fixed identity; its region
     * puts it under a bureau, so only the operator moves it (a school's own administrator would
     * otherwise leave its bureau's sight).
     */
    @Transactional
    public SchoolView update(String code, SchoolForm form) {
        SchoolView before = get(code);
        access.checkWrite(before.id());
        checkIdentityKept(before, form);
        versions.claim("school", before.id(), form.version(), "school", code);
        Object beforeSnapshot = snapshot(before);
        jdbc.sql("""
                        UPDATE school SET name = :name, name_en = :nameEn, region_id = :region, founded_year = :founded
                        WHERE id = :id
                        """)
                .param("name", form.name().trim())
                .param("nameEn", Regions.trim(form.nameEn()))
                .param("region", regionId(form.regionCode()))
                .param("founded", form.foundedYear())
                .param("id", before.id())
                .update();
        setMajors(before.id(), form.majorCodes());
        SchoolView after = get(code);
        audit.updated("school", code, before.id(), beforeSnapshot, snapshot(after));
        return after;
    }

    private void checkIdentityKept(SchoolView stored, SchoolForm form) {
        if (!stored.code().equals(form.code().trim())) {
            throw new InvalidFieldException("code", "school.code.fixed");
        }
        if (!stored.regionCode().equals(form.regionCode().trim()) && !access.isOperator()) {
            throw new InvalidFieldException("regionCode", "school.region.operatorOnly");
        }
    }

    /** Whether the signed-in user may move a school to another region (the form offers the field). */
    public boolean regionChangeable() {
        return access.isOperator();
    }

    /** A school as the audit log keeps it: its own fields and its majors side by side, so a save names both. */
    private record Snapshot(
            long id,
            String code,
            String name,
            String nameEn,
            String regionCode,
            String regionName,
            int foundedYear,
            List<String> majors) {}

    private Snapshot snapshot(SchoolView s) {
        return new Snapshot(
                s.id(),
                s.code(),
                s.name(),
                s.nameEn(),
                s.regionCode(),
                s.regionName(),
                s.foundedYear(),
                majorsOffered(s.code()).stream().map(MajorView::code).toList());
    }

    private void setMajors(long schoolId, List<String> majorCodes) {
        List<String> codes = majorCodes == null
                ? List.of()
                : majorCodes.stream().filter(c -> !c.isBlank()).distinct().toList();
        List<Long> ids = codes.isEmpty()
                ? List.of()
                : jdbc.sql("SELECT id FROM major WHERE code IN (:codes)")
                        .param("codes", codes)
                        .query(Long.class)
                        .list();
        if (ids.size() != codes.size()) {
            throw new InvalidFieldException("majorCodes", "major.unknown");
        }
        List<Long> inUse = jdbc.sql("SELECT DISTINCT major_id FROM school_class WHERE school_id = :s")
                .param("s", schoolId)
                .query(Long.class)
                .list();
        if (!ids.containsAll(inUse)) {
            throw new InvalidFieldException("majorCodes", "school.major.inUse");
        }
        jdbc.sql("DELETE FROM school_major WHERE school_id = :s")
                .param("s", schoolId)
                .update();
        for (Long id : ids) {
            jdbc.sql("INSERT INTO school_major (school_id, major_id) VALUES (:s, :m)")
                    .param("s", schoolId)
                    .param("m", id)
                    .update();
        }
    }

    private long regionId(String code) {
        return jdbc.sql("SELECT id FROM region WHERE code = :c")
                .param("c", code.trim())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidFieldException("regionCode", "region.unknown"));
    }
}
