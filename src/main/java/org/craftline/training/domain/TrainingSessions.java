package org.craftline.training.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Term;
import org.craftline.shared.Text;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The training sessions held. Teachers (staff) record them as well as administrators. A session's
 * class must be of the course's major; its term is derived from the day, never typed.
 */
@Service
public class TrainingSessions {

    static final BigDecimal MAX_HOURS = new BigDecimal("8");
    static final String SELECT = "t.id, sc.code AS school_code, c.code AS course_code, c.name AS course_name,"
            + " i.code AS item_code, i.name AS item_name, k.name AS class_name, t.held_on, t.term, t.hours,"
            + " st.staff_number AS instructor_number, st.name AS instructor_name, w.name AS workshop_name, t.version";
    static final String FROM = "training_session t JOIN school sc ON sc.id = t.school_id"
            + " JOIN practical_item i ON i.id = t.item_id JOIN course c ON c.id = i.course_id"
            + " JOIN school_class k ON k.id = t.class_id LEFT JOIN staff st ON st.id = t.instructor_id"
            + " LEFT JOIN workshop w ON w.id = t.workshop_id";

    private final JdbcClient jdbc;
    private final TrainingSchools schools;
    private final AuditLog audit;
    private final Clock clock;
    private final EditVersions versions;

    TrainingSessions(JdbcClient jdbc, TrainingSchools schools, AuditLog audit, Clock clock, EditVersions versions) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.audit = audit;
        this.clock = clock;
        this.versions = versions;
    }

    /** The list's filters, each optional. */
    public record Filter(String schoolCode, String term, String className, String courseCode) {}

    /** The ids a form's business keys resolve to. */
    record Resolved(long itemId, long classId, Long instructorId, Long workshopId) {}

    @Transactional(readOnly = true)
    public Paged<SessionView> list(Filter f, PageQuery page) {
        Scope scope = schools.scope();
        Where where = Where.of(scope.sql("t.school_id"), scope.params())
                .and("sc.code = :school", "school", f.schoolCode())
                .and("t.term = :term", "term", f.term())
                .and("k.name = :className", "className", f.className())
                .and("c.code = :course", "course", f.courseCode());
        return SqlPages.fetch(
                jdbc, SELECT, FROM, where, "t.held_on DESC, c.code, i.code, k.name", page, SessionView.class);
    }

    @Transactional(readOnly = true)
    public SessionView get(long id) {
        Scope scope = schools.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE t.id = :id AND " + scope.sql("t.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(SessionView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("training session", String.valueOf(id)));
    }

    @Transactional
    public SessionView create(SessionForm form) {
        long schoolId = schools.recording(form.schoolCode());
        Resolved r = resolve(schoolId, form);
        checkDuplicate(r, form, -1);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO training_session (school_id, item_id, class_id, held_on, term, hours, instructor_id, workshop_id)
                        VALUES (:s, :item, :class, :on, :term, :hours, :instructor, :workshop)
                        """)
                .param("s", schoolId)
                .param("item", r.itemId())
                .param("class", r.classId())
                .param("on", form.heldOn())
                .param("term", Term.of(form.heldOn()).toString())
                .param("hours", form.hours())
                .param("instructor", r.instructorId())
                .param("workshop", r.workshopId())
                .update(keys, "id");
        SessionView created = get(keys.getKeyAs(Long.class));
        audit.created("trainingSession", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    @Transactional
    public SessionView update(long id, SessionForm form) {
        SessionView before = get(id);
        long schoolId = schoolIdOf(id);
        schools.checkRecording(schoolId);
        Resolved r = resolve(schoolId, form);
        checkDuplicate(r, form, id);
        versions.claim("training_session", id, form.version(), "trainingSession", String.valueOf(id));
        jdbc.sql("""
                        UPDATE training_session SET item_id = :item, class_id = :class, held_on = :on, term = :term,
                               hours = :hours, instructor_id = :instructor, workshop_id = :workshop WHERE id = :id
                        """)
                .param("item", r.itemId())
                .param("class", r.classId())
                .param("on", form.heldOn())
                .param("term", Term.of(form.heldOn()).toString())
                .param("hours", form.hours())
                .param("instructor", r.instructorId())
                .param("workshop", r.workshopId())
                .param("id", id)
                .update();
        SessionView after = get(id);
        audit.updated("trainingSession", String.valueOf(id), schoolId, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        SessionView before = get(id);
        long schoolId = schoolIdOf(id);
        schools.checkRecording(schoolId);
        jdbc.sql("DELETE FROM training_session WHERE id = :id").param("id", id).update();
        audit.deleted("trainingSession", String.valueOf(id), schoolId, before);
    }

    /**
     * What the records refuse in a form that also has errors of its own (a blank field), so that the
     * page shows every error in one round.
     */
    @Transactional(readOnly = true)
    public List<InvalidFieldException> problems(SessionForm form) {
        try {
            return check(schools.recording(form.schoolCode()), form).problems();
        } catch (RuntimeException e) {
            return List.of(); // the school itself is refused: saving says so
        }
    }

    private Resolved resolve(long schoolId, SessionForm f) {
        Checked checked = check(schoolId, f);
        List<InvalidFieldException> problems = checked.problems();
        if (!problems.isEmpty()) {
            throw problems.size() == 1 ? problems.get(0) : new InvalidFieldsException(problems);
        }
        return checked.resolved();
    }

    private record Checked(List<InvalidFieldException> problems, Resolved resolved) {}

    /** Every refused value of the form at once, so the form shows them all. */
    private Checked check(long schoolId, SessionForm f) {
        List<InvalidFieldException> problems = new ArrayList<>();
        if (f.heldOn() != null && f.heldOn().isAfter(LocalDate.now(clock))) {
            // a session is recorded once held: a planned one would raise the practical-training rate in advance
            problems.add(new InvalidFieldException("heldOn", "training.session.future"));
        }
        if (f.hours() == null || f.hours().signum() <= 0 || f.hours().compareTo(MAX_HOURS) > 0) {
            problems.add(new InvalidFieldException("hours", "training.session.hours.invalid"));
        }
        List<long[]> course = jdbc.sql("SELECT id, major_id FROM course WHERE school_id = :s AND code = :c")
                .param("s", schoolId)
                .param("c", trim(f.courseCode()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        Long itemId =
                course.isEmpty() ? null : id("practical_item", "course_id", course.get(0)[0], "code", f.itemCode());
        if (course.isEmpty()) {
            problems.add(new InvalidFieldException("courseCode", "training.course.unknown"));
        } else if (itemId == null) {
            problems.add(new InvalidFieldException("itemCode", "training.item.unknown"));
        }
        List<long[]> klass = jdbc.sql("SELECT id, major_id FROM school_class WHERE school_id = :s AND name = :n")
                .param("s", schoolId)
                .param("n", trim(f.className()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        if (klass.isEmpty()) {
            problems.add(new InvalidFieldException("className", "training.class.unknown"));
        } else if (!course.isEmpty() && klass.get(0)[1] != course.get(0)[1]) {
            problems.add(new InvalidFieldException("className", "training.session.classMajor"));
        }
        Long instructor = optional(schoolId, "staff", "staff_number", f.instructorNumber());
        if (instructor != null && instructor < 0) {
            problems.add(new InvalidFieldException("instructorNumber", "training.instructor.unknown"));
        }
        Long workshop = optional(schoolId, "workshop", "name", f.workshopName());
        if (workshop != null && workshop < 0) {
            problems.add(new InvalidFieldException("workshopName", "training.workshop.unknown"));
        }
        if (!problems.isEmpty()) {
            return new Checked(problems, null);
        }
        return new Checked(problems, new Resolved(itemId, klass.get(0)[0], instructor, workshop));
    }

    /** Null when no value is given, -1 when it names nothing of the school. */
    private Long optional(long schoolId, String table, String column, String value) {
        String v = trim(value);
        if (v == null) {
            return null;
        }
        Long id = id(table, "school_id", schoolId, column, v);
        return id == null ? -1L : id;
    }

    private Long id(String table, String ownerColumn, long owner, String column, String value) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE " + ownerColumn + " = :o AND " + column + " = :v")
                .param("o", owner)
                .param("v", trim(value))
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private void checkDuplicate(Resolved r, SessionForm form, long exceptId) {
        long clash = jdbc.sql("""
                        SELECT COUNT(*) FROM training_session
                        WHERE item_id = :item AND class_id = :class AND held_on = :on AND id <> :id
                        """)
                .param("item", r.itemId())
                .param("class", r.classId())
                .param("on", form.heldOn())
                .param("id", exceptId)
                .query(Long.class)
                .single();
        if (clash > 0) {
            throw new ConflictException("training.session.duplicate", "heldOn", "session exists");
        }
    }

    private long schoolIdOf(long id) {
        return jdbc.sql("SELECT school_id FROM training_session WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** Stripped only: names are matched as stored, full-width characters included. */
    private static String trim(String s) {
        return s == null ? null : Text.blankToNull(s.strip());
    }
}
