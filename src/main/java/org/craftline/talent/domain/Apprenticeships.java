package org.craftline.talent.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
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

/**
 * Master-apprentice relations: a master (a graduate or staff member holding a valid master honour)
 * and a student or graduate of the same school, over a period; never twice over overlapping periods.
 */
@Service
public class Apprenticeships {

    static final String SELECT =
            "a.id, sc.code AS school_code, COALESCE(ms.student_number, mt.staff_number) AS master_number,"
                    + " COALESCE(ms.name, mt.name) AS master_name, a.master_staff_id IS NOT NULL AS master_is_staff,"
                    + " ap.student_number AS apprentice_number, ap.name AS apprentice_name, a.started_on, a.ended_on";
    static final String FROM = "apprenticeship a JOIN school sc ON sc.id = a.school_id"
            + " LEFT JOIN student ms ON ms.id = a.master_student_id LEFT JOIN staff mt ON mt.id = a.master_staff_id"
            + " JOIN student ap ON ap.id = a.apprentice_id";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Holders holders;

    Apprenticeships(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, Holders holders) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.holders = holders;
    }

    /** {@code person} matches the master's or the apprentice's number or name. */
    @Transactional(readOnly = true)
    public Paged<ApprenticeshipView> list(String person, Boolean ongoing, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where = Where.of(scope.sql("a.school_id"), scope.params())
                .contains(
                        person,
                        "ms.student_number",
                        "ms.name",
                        "mt.staff_number",
                        "mt.name",
                        "ap.student_number",
                        "ap.name");
        if (ongoing != null) {
            where = where.and(ongoing ? "a.ended_on IS NULL" : "a.ended_on IS NOT NULL", "ongoing", ongoing);
        }
        return SqlPages.fetch(
                jdbc,
                SELECT,
                FROM,
                where,
                page,
                Keyset.of(List.of("a.started_on", "a.id"), true, "a.id", ApprenticeshipView::id, page),
                ApprenticeshipView.class);
    }

    @Transactional(readOnly = true)
    public ApprenticeshipView get(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE a.id = :id AND " + scope.sql("a.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(ApprenticeshipView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("apprenticeship", String.valueOf(id)));
    }

    @Transactional
    public ApprenticeshipView create(ApprenticeshipForm form) {
        long schoolId = tenancy.administeredSchool(form.schoolCode());
        List<InvalidFieldException> problems = new ArrayList<>();
        Holders.Holder master = master(schoolId, form, problems);
        Long apprentice = holders.student(schoolId, form.apprenticeNumber()).orElse(null);
        if (apprentice == null) {
            problems.add(new InvalidFieldException("apprenticeNumber", "apprenticeship.apprentice.unknown"));
        } else if (master != null && apprentice.equals(master.studentId())) {
            problems.add(new InvalidFieldException("apprenticeNumber", "apprenticeship.apprentice.self"));
        }
        if (form.endedOn() != null && form.endedOn().isBefore(form.startedOn())) {
            problems.add(new InvalidFieldException("endedOn", "apprenticeship.period"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        checkNoOverlap(master, apprentice, form.startedOn(), form.endedOn());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO apprenticeship (school_id, master_student_id, master_staff_id, apprentice_id, started_on, ended_on)
                        VALUES (:school, :ms, :mt, :ap, :start, :end)
                        """)
                .param("school", schoolId)
                .param("ms", master.studentId())
                .param("mt", master.staffId())
                .param("ap", apprentice)
                .param("start", form.startedOn())
                .param("end", form.endedOn())
                .update(keys, "id");
        ApprenticeshipView created = get(keys.getKeyAs(Long.class));
        audit.created("apprenticeship", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    /** Ends an ongoing relation on the given day. */
    @Transactional
    public ApprenticeshipView end(long id, LocalDate endedOn) {
        ApprenticeshipView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        if (endedOn == null || endedOn.isBefore(before.startedOn())) {
            throw new InvalidFieldException("endedOn", "apprenticeship.period");
        }
        jdbc.sql("UPDATE apprenticeship SET ended_on = :end WHERE id = :id")
                .param("end", endedOn)
                .param("id", id)
                .update();
        ApprenticeshipView after = get(id);
        audit.updated("apprenticeship", String.valueOf(id), schoolId, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        ApprenticeshipView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        jdbc.sql("DELETE FROM apprenticeship WHERE id = :id").param("id", id).update();
        audit.deleted("apprenticeship", String.valueOf(id), schoolId, before);
    }

    private Holders.Holder master(long schoolId, ApprenticeshipForm form, List<InvalidFieldException> problems) {
        boolean student = StringUtils.hasText(form.masterStudentNumber());
        boolean staff = StringUtils.hasText(form.masterStaffNumber());
        if (student == staff) {
            problems.add(new InvalidFieldException("masterStudentNumber", "apprenticeship.master.oneOf"));
            return null;
        }
        String field = student ? "masterStudentNumber" : "masterStaffNumber";
        var id = student
                ? holders.student(schoolId, form.masterStudentNumber())
                : holders.staff(schoolId, form.masterStaffNumber());
        if (id.isEmpty()) {
            problems.add(new InvalidFieldException(field, "apprenticeship.master.unknown"));
            return null;
        }
        Holders.Holder master = student ? new Holders.Holder(id.get(), null) : new Holders.Holder(null, id.get());
        if (!holders.isMaster(master)) {
            problems.add(new InvalidFieldException(field, "apprenticeship.master.notMaster"));
            return null;
        }
        return master;
    }

    private void checkNoOverlap(Holders.Holder master, long apprentice, LocalDate start, LocalDate end) {
        String masterColumn = master.studentId() != null ? "master_student_id" : "master_staff_id";
        long overlapping = jdbc.sql("SELECT COUNT(*) FROM apprenticeship WHERE " + masterColumn + " = :m"
                        + " AND apprentice_id = :ap AND (ended_on IS NULL OR ended_on >= :start)"
                        + (end == null ? "" : " AND started_on <= :end"))
                .param("m", master.studentId() != null ? master.studentId() : master.staffId())
                .param("ap", apprentice)
                .param("start", start)
                .params(end == null ? Map.of() : Map.of("end", end))
                .query(Long.class)
                .single();
        if (overlapping > 0) {
            throw new ConflictException(
                    "apprenticeship.overlap", "apprenticeNumber", "the master already has this apprentice then");
        }
    }

    private long schoolIdOf(long id) {
        return jdbc.sql("SELECT school_id FROM apprenticeship WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
