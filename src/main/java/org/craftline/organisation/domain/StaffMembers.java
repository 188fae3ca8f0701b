package org.craftline.organisation.domain;

import org.craftline.organisation.domain.Forms.StaffForm;
import org.craftline.organisation.domain.Views.StaffView;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.shared.ConflictException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff of the schools in scope: title, category (teacher or not), full-time, dual-qualified ("双师型").
 * A 专任教师 is a full-time teacher.
 */
@Service
public class StaffMembers {

    private static final String SELECT = "t.id, s.code AS school_code, s.name AS school_name, t.staff_number, t.name,"
            + " t.title, t.category, t.full_time, t.dual_qualified, t.version";
    private static final String FROM = "staff t JOIN school s ON s.id = t.school_id";

    private final JdbcClient jdbc;
    private final OrganisationAccess access;
    private final AuditLog audit;
    private final EditVersions versions;

    StaffMembers(JdbcClient jdbc, OrganisationAccess access, AuditLog audit, EditVersions versions) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.versions = versions;
    }

    public record Filter(
            String schoolCode, String q, StaffCategory category, Boolean fullTime, Boolean dualQualified) {}

    @Transactional(readOnly = true)
    public Paged<StaffView> list(Filter f, PageQuery page) {
        Scope scope = access.readScope();
        Where where = Where.of(scope.sql("t.school_id"), scope.params())
                .and("s.code = :school", "school", f.schoolCode())
                .and(
                        "t.category = :category",
                        "category",
                        f.category() == null ? null : f.category().name())
                .and("t.full_time = :fullTime", "fullTime", f.fullTime())
                .and("t.dual_qualified = :dual", "dual", f.dualQualified())
                .contains(f.q(), "t.name", "t.staff_number", "t.title");
        return SqlPages.fetch(jdbc, SELECT, FROM, where, "t.school_id, t.staff_number", page, StaffView.class);
    }

    @Transactional(readOnly = true)
    public StaffView get(long id) {
        Scope scope = access.readScope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE t.id = :id AND " + scope.sql("t.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(StaffView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("staff", String.valueOf(id)));
    }

    @Transactional
    public StaffView create(StaffForm form) {
        long schoolId = access.targetSchool(form.schoolCode());
        checkNumberFree(schoolId, form.staffNumber().trim(), -1);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO staff (school_id, staff_number, name, title, category, full_time, dual_qualified)
                        VALUES (:school, :number, :name, :title, :category, :fullTime, :dual)
                        """)
                .param("school", schoolId)
                .param("number", form.staffNumber().trim())
                .param("name", form.name().trim())
                .param("title", Regions.trim(form.title()))
                .param("category", form.category().name())
                .param("fullTime", form.fullTime())
                .param("dual", form.dualQualified())
                .update(keys, "id");
        StaffView created = get(keys.getKeyAs(Long.class));
        audit.created("staff", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    @Transactional
    public StaffView update(long id, StaffForm form) {
        StaffView before = get(id);
        long schoolId = schoolIdOf(id);
        access.checkWrite(schoolId);
        checkNumberFree(schoolId, form.staffNumber().trim(), id);
        versions.claim("staff", id, form.version(), "staff", String.valueOf(id));
        jdbc.sql("""
                        UPDATE staff SET staff_number = :number, name = :name, title = :title, category = :category,
                               full_time = :fullTime, dual_qualified = :dual WHERE id = :id
                        """)
                .param("number", form.staffNumber().trim())
                .param("name", form.name().trim())
                .param("title", Regions.trim(form.title()))
                .param("category", form.category().name())
                .param("fullTime", form.fullTime())
                .param("dual", form.dualQualified())
                .param("id", id)
                .update();
        StaffView after = get(id);
        audit.updated("staff", String.valueOf(id), schoolId, before, after);
        return after;
    }

    /** Deletes a staff member who advises no class (reassign the classes first). */
    @Transactional
    public void delete(long id) {
        StaffView before = get(id);
        long schoolId = schoolIdOf(id);
        access.checkWrite(schoolId);
        long advised = jdbc.sql("SELECT COUNT(*) FROM school_class WHERE adviser_staff_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        if (advised > 0) {
            throw new ConflictException("staff.inUse", null, "staff advises " + advised + " classes");
        }
        jdbc.sql("DELETE FROM staff WHERE id = :id").param("id", id).update();
        audit.deleted("staff", String.valueOf(id), schoolId, before);
    }

    private long schoolIdOf(long staffId) {
        return jdbc.sql("SELECT school_id FROM staff WHERE id = :id")
                .param("id", staffId)
                .query(Long.class)
                .single();
    }

    private void checkNumberFree(long schoolId, String number, long exceptId) {
        long clashes = jdbc.sql("SELECT COUNT(*) FROM staff WHERE school_id = :s AND staff_number = :n AND id <> :id")
                .param("s", schoolId)
                .param("n", number)
                .param("id", exceptId)
                .query(Long.class)
                .single();
        if (clashes > 0) {
            throw new ConflictException("staff.number.taken", "staffNumber", number);
        }
    }
}
