package org.craftline.social.domain;

import java.util.ArrayList;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
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
 * Trainees in cohorts: enrolling (the trainee found by ID number within the school, or created),
 * and recording attendance, completion and employment after training. ID numbers leave masked.
 */
@Service
public class Enrolments {

    /** The ID number masked in SQL, as ResidentIds.mask does, so the number itself never leaves the database. */
    static final String MASKED_ID = "SUBSTRING(t.id_number, 1, 4) || '**********' || t.id_tail";

    static final String SELECT = "e.id, c.code AS cohort_code, t.id AS trainee_id, t.name, " + MASKED_ID
            + " AS id_number, t.gender, t.household, t.township, e.attendance_hours, e.completed, e.completed_on,"
            + " e.employed, e.employer, e.enterprise_id, e.employed_locally, e.employment_recorded_on,"
            + " sc.code AS school_code, e.version";
    static final String FROM = "enrolment e JOIN trainee t ON t.id = e.trainee_id JOIN cohort c ON c.id = e.cohort_id"
            + " JOIN school sc ON sc.id = c.school_id";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Cohorts cohorts;

    private final EditVersions versions;

    Enrolments(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, Cohorts cohorts, EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.cohorts = cohorts;
        this.versions = versions;
    }

    @Transactional(readOnly = true)
    public Paged<EnrolmentView> ofCohort(CohortView cohort, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where =
                Where.of(scope.sql("e.school_id"), scope.params()).and("e.cohort_id = :cohort", "cohort", cohort.id());
        return SqlPages.fetch(jdbc, SELECT, FROM, where, "t.name, e.id", page, EnrolmentView.class);
    }

    @Transactional(readOnly = true)
    public EnrolmentView get(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE e.id = :id AND " + scope.sql("e.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(EnrolmentView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("enrolment", String.valueOf(id)));
    }

    @Transactional
    public EnrolmentView enrol(String cohortCode, String schoolCode, EnrolmentForm form) {
        CohortRef cohort = cohorts.ref(cohorts.byCode(cohortCode, schoolCode));
        tenancy.checkAdministratorWrite(cohort.schoolId());
        List<InvalidFieldException> problems = new ArrayList<>();
        TraineeRules.Problems report = (field, value, key) -> problems.add(new InvalidFieldException(field, key));
        var person = TraineeRules.person(
                form.name(), form.idNumber(), form.household(), form.township(), form.phone(), cohort, report);
        var outcome = TraineeRules.outcome(form.outcome(), cohort, report);
        checkEnterprise(outcome, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        long traineeId = traineeId(cohort.schoolId(), person);
        if (enrolled(cohort.id(), traineeId)) {
            throw new ConflictException("enrolment.taken", "idNumber", "trainee already in the cohort");
        }
        var keys = new GeneratedKeyHolder();
        bind(outcome, jdbc.sql("""
                        INSERT INTO enrolment (school_id, cohort_id, trainee_id, attendance_hours, completed, completed_on,
                               employed, employer, enterprise_id, employed_locally, employment_recorded_on)
                        VALUES (:school, :cohort, :trainee, :hours, :completed, :completedOn, :employed, :employer,
                               :enterprise, :local, :recordedOn)
                        """))
                .param("school", cohort.schoolId())
                .param("cohort", cohort.id())
                .param("trainee", traineeId)
                .update(keys, "id");
        EnrolmentView created = get(keys.getKeyAs(Long.class));
        audit.created("enrolment", String.valueOf(created.id()), cohort.schoolId(), created);
        return created;
    }

    /** Records attendance, completion and employment after training of one enrolment. */
    @Transactional
    public EnrolmentView record(long id, OutcomeForm form) {
        EnrolmentView before = get(id);
        long schoolId = jdbc.sql("SELECT school_id FROM enrolment WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        tenancy.checkAdministratorWrite(schoolId);
        CohortRef cohort = cohorts.ref(cohorts.byCode(before.cohortCode(), schoolCode(schoolId)));
        List<InvalidFieldException> problems = new ArrayList<>();
        var outcome = TraineeRules.outcome(
                form, cohort, (field, value, key) -> problems.add(new InvalidFieldException(field, key)));
        checkEnterprise(outcome, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        versions.claim("enrolment", id, form.version(), "enrolment", String.valueOf(id));
        bind(outcome, jdbc.sql("""
                        UPDATE enrolment SET attendance_hours = :hours, completed = :completed, completed_on = :completedOn,
                               employed = :employed, employer = :employer, enterprise_id = :enterprise,
                               employed_locally = :local, employment_recorded_on = :recordedOn
                        WHERE id = :id
                        """)).param("id", id).update();
        EnrolmentView after = get(id);
        audit.updated("enrolment", String.valueOf(id), schoolId, before, after);
        return after;
    }

    private static JdbcClient.StatementSpec bind(TraineeRules.Outcome o, JdbcClient.StatementSpec sql) {
        return sql.param("hours", o.attendanceHours())
                .param("completed", o.completed())
                .param("completedOn", o.completedOn())
                .param("employed", o.employed())
                .param("employer", o.employer())
                .param("enterprise", o.enterpriseId())
                .param("local", o.employedLocally())
                .param("recordedOn", o.recordedOn());
    }

    /** The school's trainee with this ID number; a new one is created (and audited, masked). */
    private long traineeId(long schoolId, TraineeRules.Person p) {
        var existing = jdbc.sql("SELECT id, name, household, township, phone FROM trainee"
                        + " WHERE school_id = :s AND id_number = :n")
                .param("s", schoolId)
                .param("n", p.idNumber())
                .query((rs, i) -> new Object[] {
                    rs.getLong(1),
                    java.util.List.of(
                            rs.getString(2),
                            rs.getString(3),
                            java.util.Objects.toString(rs.getString(4), ""),
                            java.util.Objects.toString(rs.getString(5), ""))
                })
                .optional();
        if (existing.isPresent()) {
            // the same person enrolled again: what the form says of them must match the record
            var typed = java.util.List.of(
                    p.name(),
                    p.household().name(),
                    java.util.Objects.toString(p.township(), ""),
                    java.util.Objects.toString(p.phone(), ""));
            if (!typed.equals(existing.get()[1])) {
                throw new InvalidFieldException("name", "trainee.details.differ");
            }
            return (Long) existing.get()[0];
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO trainee (school_id, name, id_number, id_tail, gender, birth_date, household, township, phone)
                        VALUES (:s, :name, :id, :tail, :gender, :birth, :household, :township, :phone)
                        """)
                .param("s", schoolId)
                .param("name", p.name())
                .param("id", p.idNumber())
                .param("tail", p.idTail())
                .param("gender", p.gender())
                .param("birth", p.birthDate())
                .param("household", p.household().name())
                .param("township", p.township())
                .param("phone", p.phone())
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.created(
                "trainee",
                String.valueOf(id),
                schoolId,
                java.util.Map.of("name", p.name(), "idNumber", org.craftline.shared.ResidentIds.mask(p.idNumber())));
        return id;
    }

    private boolean enrolled(long cohortId, long traineeId) {
        return jdbc.sql("SELECT COUNT(*) FROM enrolment WHERE cohort_id = :c AND trainee_id = :t")
                        .param("c", cohortId)
                        .param("t", traineeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void checkEnterprise(TraineeRules.Outcome outcome, List<InvalidFieldException> problems) {
        if (outcome == null || outcome.enterpriseId() == null) {
            return;
        }
        long known = jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE id = :id")
                .param("id", outcome.enterpriseId())
                .query(Long.class)
                .single();
        if (known == 0) {
            problems.add(new InvalidFieldException("enterpriseId", "enrolment.enterprise.unknown"));
        }
    }

    private String schoolCode(long schoolId) {
        return jdbc.sql("SELECT code FROM school WHERE id = :id")
                .param("id", schoolId)
                .query(String.class)
                .single();
    }
}
