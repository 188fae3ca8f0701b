package org.craftline.training.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Term;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses of the majors a school offers, their practical items and the syllabus (item required in
 * term). Read by the school's users and the bureau; changed by the school's administrators.
 */
@Service
public class Courses {

    static final String SELECT = "sc.code AS school_code, sc.name AS school_name, c.code, c.name, m.code AS major_code,"
            + " m.name AS major_name, c.required, (SELECT COUNT(*) FROM practical_item i WHERE i.course_id = c.id) AS items, c.version";
    static final String FROM = "course c JOIN school sc ON sc.id = c.school_id JOIN major m ON m.id = c.major_id";

    private final JdbcClient jdbc;
    private final TrainingSchools schools;
    private final OrganisationApi organisation;
    private final AuditLog audit;
    private final EditVersions versions;

    Courses(
            JdbcClient jdbc,
            TrainingSchools schools,
            OrganisationApi organisation,
            AuditLog audit,
            EditVersions versions) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.organisation = organisation;
        this.audit = audit;
        this.versions = versions;
    }

    /** A course as the other services of the module need it. */
    record CourseRef(long id, long schoolId, long majorId) {}

    @Transactional(readOnly = true)
    public Paged<CourseView> list(String schoolCode, String majorCode, PageQuery page) {
        Scope scope = schools.scope();
        Where where = Where.of(scope.sql("c.school_id"), scope.params())
                .and("sc.code = :school", "school", schoolCode)
                .and("m.code = :major", "major", majorCode);
        return SqlPages.fetch(jdbc, SELECT, FROM, where, "sc.code, m.code, c.code", page, CourseView.class);
    }

    /** The courses of one school, for choices in forms (a school has a few dozen). */
    @Transactional(readOnly = true)
    public List<CourseView> ofSchool(long schoolId) {
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE c.school_id = :s ORDER BY m.code, c.code")
                .param("s", schoolId)
                .query(CourseView.class)
                .list();
    }

    @Transactional(readOnly = true)
    public CourseView get(String schoolCode, String code) {
        Scope scope = schools.scope();
        Where where = Where.of(scope.sql("c.school_id"), scope.params())
                .and("c.code = :code", "code", code)
                .and("sc.code = :school", "school", schoolCode);
        return jdbc
                .sql("SELECT " + SELECT + " FROM " + FROM + where.sql() + " ORDER BY sc.code FETCH FIRST 2 ROWS ONLY")
                .params(where.params())
                .query(CourseView.class)
                .list()
                .stream()
                .reduce((a, b) -> {
                    // two schools in the user's scope use the code: the school must be named
                    throw new InvalidFieldException("school", "school.required");
                })
                .orElseThrow(() -> new NotFoundException("course", code));
    }

    @Transactional(readOnly = true)
    public CourseDetail detail(String schoolCode, String code) {
        CourseView course = get(schoolCode, code);
        CourseRef ref = ref(course.schoolCode(), code);
        Map<String, List<String>> terms = new TreeMap<>();
        jdbc.sql("""
                        SELECT i.code, r.term FROM practical_requirement r JOIN practical_item i ON i.id = r.item_id
                        WHERE i.course_id = :c ORDER BY i.code, r.term
                        """).param("c", ref.id()).query(rs -> {
            terms.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                    .add(rs.getString(2));
        });
        List<CourseDetail.Item> items = jdbc.sql(
                        "SELECT code, name, hours FROM practical_item WHERE course_id = :c ORDER BY code")
                .param("c", ref.id())
                .query((rs, n) -> new CourseDetail.Item(
                        rs.getString(1), rs.getString(2), rs.getInt(3), terms.getOrDefault(rs.getString(1), List.of())))
                .list();
        return new CourseDetail(course, items);
    }

    @Transactional
    public CourseView create(CourseForm form) {
        long schoolId = schools.administered(form.schoolCode());
        long majorId = offeredMajor(schoolId, form.majorCode());
        String code = form.code().trim();
        if (exists(schoolId, code)) {
            throw new ConflictException("training.course.duplicate", "code", "course exists: " + code);
        }
        jdbc.sql("INSERT INTO course (school_id, major_id, code, name, required) VALUES (:s, :m, :code, :name, :r)")
                .param("s", schoolId)
                .param("m", majorId)
                .param("code", code)
                .param("name", form.name().trim())
                .param("r", form.isRequired())
                .update();
        CourseView created = get(schoolCode(schoolId), code);
        audit.created("course", created.schoolCode() + "/" + code, schoolId, created);
        return created;
    }

    /** Renames a course, moves it to another major or marks it required or not; the code stays. */
    @Transactional
    public CourseView update(String schoolCode, String code, CourseForm form) {
        CourseView before = get(schoolCode, code);
        CourseRef ref = ref(before.schoolCode(), code);
        schools.checkAdministering(ref.schoolId());
        long majorId = offeredMajor(ref.schoolId(), form.majorCode());
        if (majorId != ref.majorId() && hasSessions("i.course_id = :id", ref.id())) {
            throw new ConflictException("training.course.majorInUse", "majorCode", "course has sessions: " + code);
        }
        versions.claim("course", ref.id(), form.version(), "course", before.schoolCode() + "/" + code);
        jdbc.sql("UPDATE course SET name = :name, major_id = :m, required = :r WHERE id = :id")
                .param("name", form.name().trim())
                .param("m", majorId)
                .param("r", form.isRequired())
                .param("id", ref.id())
                .update();
        CourseView after = get(before.schoolCode(), code);
        audit.updated("course", before.schoolCode() + "/" + code, ref.schoolId(), before, after);
        return after;
    }

    /** Deletes a course with its items and syllabus; refused while sessions or results of it are recorded. */
    @Transactional
    public void delete(String schoolCode, String code) {
        CourseDetail before = detail(schoolCode, code);
        CourseRef ref = ref(before.course().schoolCode(), code);
        schools.checkAdministering(ref.schoolId());
        if (hasSessions("i.course_id = :id", ref.id())) {
            throw new ConflictException("training.course.inUse", null, "course has sessions: " + code);
        }
        if (jdbc.sql("SELECT COUNT(*) FROM course_result WHERE course_id = :c")
                        .param("c", ref.id())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException("training.course.hasResults", null, "course has results: " + code);
        }
        jdbc.sql(
                        "DELETE FROM practical_requirement WHERE item_id IN (SELECT id FROM practical_item WHERE course_id = :c)")
                .param("c", ref.id())
                .update();
        jdbc.sql("DELETE FROM practical_item WHERE course_id = :c")
                .param("c", ref.id())
                .update();
        jdbc.sql("DELETE FROM course WHERE id = :c").param("c", ref.id()).update();
        audit.deleted("course", before.course().schoolCode() + "/" + code, ref.schoolId(), before);
    }

    @Transactional
    public CourseDetail.Item addItem(String schoolCode, String courseCode, ItemForm form) {
        CourseView course = get(schoolCode, courseCode);
        CourseRef ref = ref(course.schoolCode(), courseCode);
        schools.checkAdministering(ref.schoolId());
        String code = form.code().trim();
        if (itemId(ref.id(), code) != null) {
            throw new ConflictException("training.item.duplicate", "code", "item exists: " + code);
        }
        jdbc.sql("INSERT INTO practical_item (school_id, course_id, code, name, hours) VALUES (:s, :c, :code, :n, :h)")
                .param("s", ref.schoolId())
                .param("c", ref.id())
                .param("code", code)
                .param("n", form.name().trim())
                .param("h", form.hours())
                .update();
        var item = new CourseDetail.Item(code, form.name().trim(), form.hours(), List.of());
        audit.created("practicalItem", course.schoolCode() + "/" + courseCode + "/" + code, ref.schoolId(), item);
        return item;
    }

    @Transactional
    public void deleteItem(String schoolCode, String courseCode, String itemCode) {
        CourseView course = get(schoolCode, courseCode);
        CourseRef ref = ref(course.schoolCode(), courseCode);
        schools.checkAdministering(ref.schoolId());
        Long itemId = requireItem(ref.id(), itemCode);
        if (hasSessions("i.id = :id", itemId)) {
            throw new ConflictException("training.item.inUse", null, "item has sessions: " + itemCode);
        }
        jdbc.sql("DELETE FROM practical_requirement WHERE item_id = :i")
                .param("i", itemId)
                .update();
        jdbc.sql("DELETE FROM practical_item WHERE id = :i").param("i", itemId).update();
        audit.deleted("practicalItem", course.schoolCode() + "/" + courseCode + "/" + itemCode, ref.schoolId(), null);
    }

    /** Requires the item in the term; requiring it again changes nothing. */
    @Transactional
    public void require(String schoolCode, String courseCode, String itemCode, String termText) {
        Term term = Term.parse(termText);
        CourseView course = get(schoolCode, courseCode);
        CourseRef ref = ref(course.schoolCode(), courseCode);
        schools.checkAdministering(ref.schoolId());
        long itemId = requireItem(ref.id(), itemCode);
        int inserted = jdbc.sql("""
                        INSERT INTO practical_requirement (item_id, school_id, term)
                        SELECT :i, :s, :t WHERE NOT EXISTS
                               (SELECT 1 FROM practical_requirement WHERE item_id = :i AND term = :t)
                        """)
                .param("i", itemId)
                .param("s", ref.schoolId())
                .param("t", term.toString())
                .update();
        if (inserted > 0) {
            audit.created(
                    "practicalRequirement", requirementKey(course, courseCode, itemCode, term), ref.schoolId(), null);
        }
    }

    @Transactional
    public void unrequire(String schoolCode, String courseCode, String itemCode, String termText) {
        Term term = Term.parse(termText);
        CourseView course = get(schoolCode, courseCode);
        CourseRef ref = ref(course.schoolCode(), courseCode);
        schools.checkAdministering(ref.schoolId());
        long itemId = requireItem(ref.id(), itemCode);
        int deleted = jdbc.sql("DELETE FROM practical_requirement WHERE item_id = :i AND term = :t")
                .param("i", itemId)
                .param("t", term.toString())
                .update();
        if (deleted == 0) {
            throw new NotFoundException("requirement", itemCode + "/" + term);
        }
        audit.deleted("practicalRequirement", requirementKey(course, courseCode, itemCode, term), ref.schoolId(), null);
    }

    private static String requirementKey(CourseView course, String courseCode, String itemCode, Term term) {
        return course.schoolCode() + "/" + courseCode + "/" + itemCode + "/" + term;
    }

    CourseRef ref(String schoolCode, String code) {
        return jdbc.sql("SELECT c.id, c.school_id, c.major_id FROM course c JOIN school sc ON sc.id = c.school_id"
                        + " WHERE sc.code = :s AND c.code = :c")
                .param("s", schoolCode)
                .param("c", code)
                .query(CourseRef.class)
                .single();
    }

    private long requireItem(long courseId, String itemCode) {
        Long id = itemId(courseId, itemCode);
        if (id == null) {
            throw new NotFoundException("practical item", itemCode);
        }
        return id;
    }

    private Long itemId(long courseId, String code) {
        return jdbc.sql("SELECT id FROM practical_item WHERE course_id = :c AND code = :code")
                .param("c", courseId)
                .param("code", code)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private long offeredMajor(long schoolId, String majorCode) {
        Long id = organisation.majorsOffered(schoolId).get(majorCode == null ? "" : majorCode.trim());
        if (id == null) {
            throw new InvalidFieldException("majorCode", "training.course.major");
        }
        return id;
    }

    private boolean exists(long schoolId, String code) {
        return jdbc.sql("SELECT COUNT(*) FROM course WHERE school_id = :s AND code = :c")
                        .param("s", schoolId)
                        .param("c", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private boolean hasSessions(String itemCondition, long id) {
        return jdbc.sql("SELECT COUNT(*) FROM training_session t JOIN practical_item i ON i.id = t.item_id WHERE "
                                + itemCondition)
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private String schoolCode(long schoolId) {
        return jdbc.sql("SELECT code FROM school WHERE id = :s")
                .param("s", schoolId)
                .query(String.class)
                .single();
    }

    /** An item of one of a school's courses, for choices in the session form. */
    public record ItemOption(String courseCode, String code, String name) {}

    @Transactional(readOnly = true)
    public List<ItemOption> itemOptions(long schoolId) {
        return jdbc.sql("""
                        SELECT c.code AS course_code, i.code, i.name FROM practical_item i JOIN course c ON c.id = i.course_id
                        WHERE i.school_id = :s ORDER BY c.code, i.code
                        """).param("s", schoolId).query(ItemOption.class).list();
    }

    /** The majors a school offers, for the course form. */
    @Transactional(readOnly = true)
    public List<OrganisationApi.Option> majors(long schoolId) {
        return organisation.majorOptions(schoolId);
    }
}
