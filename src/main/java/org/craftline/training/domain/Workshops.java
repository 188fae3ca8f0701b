package org.craftline.training.domain;

import java.util.List;
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

/** Workshops, master studios and training bases of the schools in scope. */
@Service
public class Workshops {

    static final String SELECT = "w.id, sc.code AS school_code, sc.name AS school_name, w.name, w.kind, w.area,"
            + " w.stations, w.equipment_value, w.version";
    static final String FROM = "workshop w JOIN school sc ON sc.id = w.school_id";

    private final JdbcClient jdbc;
    private final TrainingSchools schools;
    private final AuditLog audit;
    private final EditVersions versions;

    Workshops(JdbcClient jdbc, TrainingSchools schools, AuditLog audit, EditVersions versions) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.audit = audit;
        this.versions = versions;
    }

    @Transactional(readOnly = true)
    public Paged<WorkshopView> list(String schoolCode, WorkshopKind kind, PageQuery page) {
        Scope scope = schools.scope();
        Where where = Where.of(scope.sql("w.school_id"), scope.params())
                .and("sc.code = :school", "school", schoolCode)
                .and("w.kind = :kind", "kind", kind == null ? null : kind.name());
        return SqlPages.fetch(jdbc, SELECT, FROM, where, "sc.code, w.kind DESC, w.name", page, WorkshopView.class);
    }

    /** The workshops of one school by name, for the session form. */
    @Transactional(readOnly = true)
    public List<String> names(long schoolId) {
        return jdbc.sql("SELECT name FROM workshop WHERE school_id = :s ORDER BY name")
                .param("s", schoolId)
                .query(String.class)
                .list();
    }

    @Transactional(readOnly = true)
    public WorkshopView get(long id) {
        Scope scope = schools.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE w.id = :id AND " + scope.sql("w.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(WorkshopView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("workshop", String.valueOf(id)));
    }

    @Transactional
    public WorkshopView create(WorkshopForm form) {
        long schoolId = schools.administered(form.schoolCode());
        checkName(schoolId, form.name().trim(), -1);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO workshop (school_id, name, kind, area, stations, equipment_value)
                        VALUES (:s, :name, :kind, :area, :stations, :value)
                        """)
                .param("s", schoolId)
                .param("name", form.name().trim())
                .param("kind", form.kind().name())
                .param("area", form.area())
                .param("stations", form.stations())
                .param("value", form.equipmentValue())
                .update(keys, "id");
        WorkshopView created = get(keys.getKeyAs(Long.class));
        audit.created("workshop", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    @Transactional
    public WorkshopView update(long id, WorkshopForm form) {
        WorkshopView before = get(id);
        long schoolId = schoolIdOf(id);
        schools.checkAdministering(schoolId);
        checkName(schoolId, form.name().trim(), id);
        versions.claim("workshop", id, form.version(), "workshop", String.valueOf(id));
        jdbc.sql("""
                        UPDATE workshop SET name = :name, kind = :kind, area = :area, stations = :stations,
                               equipment_value = :value WHERE id = :id
                        """)
                .param("name", form.name().trim())
                .param("kind", form.kind().name())
                .param("area", form.area())
                .param("stations", form.stations())
                .param("value", form.equipmentValue())
                .param("id", id)
                .update();
        WorkshopView after = get(id);
        audit.updated("workshop", String.valueOf(id), schoolId, before, after);
        return after;
    }

    /** Deletes a workshop; refused while recorded sessions name it. */
    @Transactional
    public void delete(long id) {
        WorkshopView before = get(id);
        long schoolId = schoolIdOf(id);
        schools.checkAdministering(schoolId);
        long used = jdbc.sql("SELECT COUNT(*) FROM training_session WHERE workshop_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        if (used > 0) {
            throw new ConflictException("training.workshop.inUse", null, "workshop has sessions: " + id);
        }
        jdbc.sql("DELETE FROM workshop WHERE id = :id").param("id", id).update();
        audit.deleted("workshop", String.valueOf(id), schoolId, before);
    }

    private void checkName(long schoolId, String name, long exceptId) {
        long clash = jdbc.sql("SELECT COUNT(*) FROM workshop WHERE school_id = :s AND name = :n AND id <> :id")
                .param("s", schoolId)
                .param("n", name)
                .param("id", exceptId)
                .query(Long.class)
                .single();
        if (clash > 0) {
            throw new ConflictException("training.workshop.duplicate", "name", "workshop exists: " + name);
        }
    }

    private long schoolIdOf(long id) {
        return jdbc.sql("SELECT school_id FROM workshop WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
