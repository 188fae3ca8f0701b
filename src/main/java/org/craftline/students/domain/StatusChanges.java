package org.craftline.students.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.craftline.organisation.OrganisationApi;
import org.craftline.organisation.OrganisationApi.ClassRef;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes of a student's status (学籍异动) as the provincial rules allow them: each from the statuses
 * it may follow, on a date not before the last change, with a reason and, where the rules want one,
 * a document; 转专业, 留级 and 复学 move the student's major, class or entry year and the history
 * keeps what they moved to. A transfer to a school of the installation is two-sided and one step
 * ({@link Transfers}).
 */
@Service
public class StatusChanges {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final OrganisationApi organisation;
    private final AuditLog audit;
    private final Clock clock;
    private final EditVersions versions;
    private final Students students;
    private final Transfers transfers;

    StatusChanges(
            JdbcClient jdbc,
            Tenancy tenancy,
            OrganisationApi organisation,
            AuditLog audit,
            Clock clock,
            EditVersions versions,
            Students students,
            Transfers transfers) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
        this.versions = versions;
        this.students = students;
        this.transfers = transfers;
    }

    /** The student as the change is checked against: read under the version's row lock. */
    record Current(
            long id,
            long schoolId,
            String studentNumber,
            StudentStatus status,
            long majorId,
            String majorCode,
            Long classId,
            int entryYear,
            LocalDate enrolledOn) {}

    /** Where a change leaves the student: its status, major, class and entry year. */
    record Moved(StudentStatus status, long majorId, Long classId, int entryYear) {}

    /** Refuses a user who may not change the student's status: 404 outside the scope, 403 for a reader. */
    @Transactional(readOnly = true)
    public void checkWritable(long id) {
        students.get(id);
        tenancy.checkAdministratorWrite(students.schoolIdOf(id));
    }

    @Transactional
    public StudentView change(long id, StatusForm form) {
        StudentView before = students.get(id);
        long schoolId = students.schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        if (!StatusChangeKind.CHOSEN.contains(form.change())) {
            throw new InvalidFieldException("change", "student.change.notChosen");
        }
        versions.claim("student", id, form.version(), "student", String.valueOf(id));
        Current now = current(id);
        check(form, now);
        Transfers.Receiving receiving =
                form.change() == StatusChangeKind.TRANSFER_OUT ? transfers.check(now, form) : null;
        Moved moved = moved(form, now);
        jdbc.sql("""
                        UPDATE student SET status = :status, major_id = :major, class_id = :class, entry_year = :year
                        WHERE id = :id
                        """)
                .param("status", moved.status().name())
                .param("major", moved.majorId())
                .param("class", moved.classId())
                .param("year", moved.entryYear())
                .param("id", id)
                .update();
        if (form.change() == StatusChangeKind.COMPLETE) {
            // 结业 is leaving in a school year, as graduation is: its year keeps the student among that
            // year's final-year students (the internship rate)
            jdbc.sql("UPDATE student SET graduation_year = :y WHERE id = :id")
                    .param("y", Term.of(form.changedOn()).startYear() + 1)
                    .param("id", id)
                    .update();
        }
        Long otherSchool = transfers.receive(now, form, receiving);
        record(id, form, now, moved, otherSchool);
        StudentView after = students.get(id);
        audit.updated("student", String.valueOf(id), schoolId, before, after);
        return after;
    }

    private void check(StatusForm form, Current now) {
        if (!form.change().allowedFrom(now.status())) {
            throw new InvalidFieldException("change", "student.change.notAllowed");
        }
        if (form.change().needsDocument() && blank(form.document())) {
            throw new InvalidFieldException("document", "student.change.documentRequired");
        }
        checkInOrder(now.id(), form.changedOn());
        if (form.change() == StatusChangeKind.LEAVE_CERTIFIED && studiedDays(now, form.changedOn()) < A_YEAR) {
            throw new InvalidFieldException("changedOn", "student.change.lessThanAYear");
        }
    }

    /** 肄业 needs a year of study: 365 days 在读, before the certificate. */
    static final int A_YEAR = 365;

    /**
     * The days the student was 在读 before a day, from the history: a leave (休学) does not count, and
     * study stops with a withdrawal (退学). A record without a history counts from 1 September of its
     * entry year.
     */
    private long studiedDays(Current now, LocalDate until) {
        List<Map.Entry<LocalDate, String>> rows = jdbc.sql(
                        "SELECT changed_on, status FROM student_status_change WHERE student_id = :id"
                                + " ORDER BY changed_on, id")
                .param("id", now.id())
                .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getString(2)))
                .list();
        if (rows.isEmpty()) {
            rows = List.of(Map.entry(now.enrolledOn(), StudentStatus.ENROLLED.name()));
        }
        long days = 0;
        LocalDate since = null;
        for (Map.Entry<LocalDate, String> row : rows) {
            if (!row.getKey().isBefore(until)) {
                break;
            }
            boolean studying = StudentStatus.ENROLLED.name().equals(row.getValue());
            if (studying && since == null) {
                since = row.getKey();
            } else if (!studying && since != null) {
                days += java.time.temporal.ChronoUnit.DAYS.between(since, row.getKey());
                since = null;
            }
        }
        return since == null ? days : days + java.time.temporal.ChronoUnit.DAYS.between(since, until);
    }

    private Moved moved(StatusForm form, Current now) {
        StudentStatus status = form.change().after(now.status());
        return switch (form.change()) {
            case CHANGE_MAJOR -> changedMajor(form, now);
            case REPEAT_YEAR -> laterClass(form, now, true);
            case RESUME -> laterClass(form, now, false);
            default -> new Moved(status, now.majorId(), now.classId(), now.entryYear());
        };
    }

    /** 转专业: a major the school offers, other than the student's, and a class of it when one is named. */
    private Moved changedMajor(StatusForm form, Current now) {
        Long major = blank(form.majorCode())
                ? null
                : organisation
                        .majorsOffered(now.schoolId())
                        .get(form.majorCode().trim());
        if (major == null) {
            throw new InvalidFieldException("majorCode", "student.change.majorRequired");
        }
        if (major == now.majorId()) {
            throw new InvalidFieldException("majorCode", "student.change.sameMajor");
        }
        ClassRef cls = namedClass(form, now);
        if (cls != null && cls.majorId() != major) {
            throw new InvalidFieldException("className", "student.change.classMajor");
        }
        return new Moved(StudentStatus.ENROLLED, major, cls == null ? null : cls.id(), now.entryYear());
    }

    /**
     * 留级: a later entry year (the next one when none is given) and a class of that year and major;
     * 复学: the same, when the student comes back into a later class, else the student's own.
     */
    private Moved laterClass(StatusForm form, Current now, boolean repeat) {
        Integer year = form.entryYear() != null ? form.entryYear() : repeat ? now.entryYear() + 1 : null;
        if (year != null && year <= now.entryYear() && (repeat || year < now.entryYear())) {
            throw new InvalidFieldException("entryYear", "student.change.laterYear");
        }
        ClassRef cls = namedClass(form, now);
        int entryYear = year == null ? now.entryYear() : year;
        if (cls != null && (cls.entryYear() != entryYear || cls.majorId() != now.majorId())) {
            throw new InvalidFieldException("className", "student.change.classYear");
        }
        Long classId = cls != null ? Long.valueOf(cls.id()) : entryYear == now.entryYear() ? now.classId() : null;
        return new Moved(form.change().after(now.status()), now.majorId(), classId, entryYear);
    }

    private ClassRef namedClass(StatusForm form, Current now) {
        if (blank(form.className())) {
            return null;
        }
        ClassRef cls = organisation.classes(now.schoolId()).get(form.className().trim());
        if (cls == null) {
            throw new InvalidFieldException("className", "student.class.unknown");
        }
        return cls;
    }

    /** A status history reads in the order of time: no change before the last one, none in the future. */
    private void checkInOrder(long id, LocalDate changedOn) {
        if (changedOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("changedOn", "student.status.future");
        }
        LocalDate last = jdbc.sql("SELECT MAX(changed_on) FROM student_status_change WHERE student_id = :id")
                .param("id", id)
                .query(LocalDate.class)
                .list()
                .get(0);
        if (last != null && changedOn.isBefore(last)) {
            throw new InvalidFieldException("changedOn", "student.status.beforeLast");
        }
    }

    private Current current(long id) {
        return jdbc.sql("""
                        SELECT s.id, s.school_id, s.student_number, s.status, s.major_id, m.code AS major_code,
                               s.class_id, s.entry_year,
                               (SELECT MIN(c.changed_on) FROM student_status_change c WHERE c.student_id = s.id)
                                 AS enrolled_on
                        FROM student s JOIN major m ON m.id = s.major_id WHERE s.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new Current(
                        rs.getLong("id"),
                        rs.getLong("school_id"),
                        rs.getString("student_number"),
                        StudentStatus.valueOf(rs.getString("status")),
                        rs.getLong("major_id"),
                        rs.getString("major_code"),
                        rs.getObject("class_id", Long.class),
                        rs.getInt("entry_year"),
                        enrolledOn(rs.getObject("enrolled_on", LocalDate.class), rs.getInt("entry_year"))))
                .single();
    }

    /** The first change of the history, or 1 September of the entry year for a record without one. */
    private static LocalDate enrolledOn(LocalDate first, int entryYear) {
        return first != null ? first : LocalDate.of(entryYear, 9, 1);
    }

    private void record(long id, StatusForm form, Current now, Moved moved, Long otherSchool) {
        insertHistory(
                jdbc,
                id,
                form.change(),
                form,
                now,
                moved,
                otherSchool,
                tenancy.currentUser().username(),
                clock);
    }

    /**
     * One row of a history; shared with the receiving side of a transfer. It keeps the major and entry
     * year before the change ({@code from}) beside those after it, so the state on a past day can be read.
     */
    static void insertHistory(
            JdbcClient jdbc,
            long id,
            StatusChangeKind kind,
            StatusForm form,
            Current from,
            Moved moved,
            Long otherSchool,
            String by,
            Clock clock) {
        jdbc.sql("""
                        INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, document,
                               major_id, class_id, entry_year, from_major_id, from_entry_year, other_school_id,
                               other_school_name, recorded_by, recorded_at)
                        VALUES (:id, :status, :kind, :on, :reason, :document, :major, :class, :year, :fromMajor,
                                :fromYear, :other, :otherName, :by, :at)
                        """)
                .paramSource(new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(Map.of(
                                "id", id,
                                "status", moved.status().name(),
                                "kind", kind.name(),
                                "on", form.changedOn(),
                                "reason", form.reason().trim(),
                                "major", moved.majorId(),
                                "year", moved.entryYear(),
                                "by", by,
                                "at", OffsetDateTime.now(clock)))
                        .addValue(
                                "document",
                                blank(form.document()) ? null : form.document().trim())
                        .addValue("class", moved.classId())
                        .addValue("fromMajor", from.majorId())
                        .addValue("fromYear", from.entryYear())
                        .addValue("other", otherSchool)
                        .addValue(
                                "otherName",
                                kind == StatusChangeKind.TRANSFER_OUT && otherSchool == null
                                        ? trimmed(form.schoolName())
                                        : null))
                .update();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }

    static ConflictException numberTaken(String number) {
        return new ConflictException("student.number.taken", "newNumber", number);
    }
}
