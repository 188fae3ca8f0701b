package org.craftline.organisation.domain;

import org.craftline.organisation.domain.Forms.ClassForm;
import org.craftline.organisation.domain.Views.ClassView;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Classes of the schools in scope. */
@Service
public class Classes {

    private static final String SELECT = "c.id, s.code AS school_code, s.name AS school_name, m.code AS major_code,"
            + " m.name AS major_name, c.entry_year, c.name, t.staff_number AS adviser_number, t.name AS adviser_name, c.version";
    private static final String FROM = "school_class c JOIN school s ON s.id = c.school_id"
            + " JOIN major m ON m.id = c.major_id LEFT JOIN staff t ON t.id = c.adviser_staff_id";

    private final JdbcClient jdbc;
    private final OrganisationAccess access;
    private final AuditLog audit;
    private final EditVersions versions;

    Classes(JdbcClient jdbc, OrganisationAccess access, AuditLog audit, EditVersions versions) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.versions = versions;
    }

    public record Filter(String schoolCode, String majorCode, Integer entryYear, String q, String adviserNumber) {}

    @Transactional(readOnly = true)
    public Paged<ClassView> list(Filter f, PageQuery page) {
        Scope scope = access.readScope();
        Where where = Where.of(scope.sql("c.school_id"), scope.params())
                .and("s.code = :school", "school", f.schoolCode())
                .and("m.code = :major", "major", f.majorCode())
                .and("c.entry_year = :year", "year", f.entryYear())
                .and("t.staff_number = :adviser", "adviser", f.adviserNumber())
                .contains(f.q(), "c.name");
        return SqlPages.fetch(
                jdbc, SELECT, FROM, where, "c.school_id, c.entry_year DESC, c.name", page, ClassView.class);
    }

    @Transactional(readOnly = true)
    public ClassView get(long id) {
        Scope scope = access.readScope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE c.id = :id AND " + scope.sql("c.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(ClassView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("class", String.valueOf(id)));
    }

    @Transactional
    public ClassView create(ClassForm form) {
        long schoolId = access.targetSchool(form.schoolCode());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO school_class (school_id, major_id, entry_year, name, adviser_staff_id)
                        VALUES (:school, :major, :year, :name, :adviser)
                        """)
                .param("school", schoolId)
                .param("major", offeredMajor(schoolId, form.majorCode()))
                .param("year", form.entryYear())
                .param("name", uniqueName(schoolId, form.name(), -1))
                .param("adviser", adviser(schoolId, form.adviserNumber()))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        ClassView created = get(id);
        audit.created("class", String.valueOf(id), schoolId, created);
        return created;
    }

    @Transactional
    public ClassView update(long id, ClassForm form) {
        ClassView before = get(id);
        long schoolId = schoolIdOf(id);
        access.checkWrite(schoolId);
        versions.claim("school_class", id, form.version(), "class", String.valueOf(id));
        jdbc.sql("""
                        UPDATE school_class SET major_id = :major, entry_year = :year, name = :name, adviser_staff_id = :adviser
                        WHERE id = :id
                        """)
                .param("major", offeredMajor(schoolId, form.majorCode()))
                .param("year", form.entryYear())
                .param("name", uniqueName(schoolId, form.name(), id))
                .param("adviser", adviser(schoolId, form.adviserNumber()))
                .param("id", id)
                .update();
        ClassView after = get(id);
        audit.updated("class", String.valueOf(id), schoolId, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        ClassView before = get(id);
        long schoolId = schoolIdOf(id);
        access.checkWrite(schoolId);
        jdbc.sql("DELETE FROM school_class WHERE id = :id").param("id", id).update();
        audit.deleted("class", String.valueOf(id), schoolId, before);
    }

    private long schoolIdOf(long classId) {
        return jdbc.sql("SELECT school_id FROM school_class WHERE id = :id")
                .param("id", classId)
                .query(Long.class)
                .single();
    }

    private long offeredMajor(long schoolId, String majorCode) {
        return jdbc.sql("""
                        SELECT m.id FROM major m JOIN school_major sm ON sm.major_id = m.id
                        WHERE m.code = :code AND sm.school_id = :school
                        """)
                .param("code", majorCode.trim())
                .param("school", schoolId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidFieldException("majorCode", "class.major.notOffered"));
    }

    private String uniqueName(long schoolId, String name, long exceptId) {
        String trimmed = name.trim();
        long clashes = jdbc.sql("SELECT COUNT(*) FROM school_class WHERE school_id = :s AND name = :n AND id <> :id")
                .param("s", schoolId)
                .param("n", trimmed)
                .param("id", exceptId)
                .query(Long.class)
                .single();
        if (clashes > 0) {
            throw new ConflictException("class.name.taken", "name", trimmed);
        }
        return trimmed;
    }

    private Long adviser(long schoolId, String staffNumber) {
        if (!StringUtils.hasText(staffNumber)) {
            return null;
        }
        return jdbc.sql("SELECT id FROM staff WHERE school_id = :s AND staff_number = :n")
                .param("s", schoolId)
                .param("n", staffNumber.trim())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidFieldException("adviserNumber", "class.adviser.unknown"));
    }
}
