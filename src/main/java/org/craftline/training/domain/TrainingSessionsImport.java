package org.craftline.training.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.organisation.OrganisationApi;
import org.craftline.organisation.OrganisationApi.ClassRef;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Scope;
import org.craftline.shared.Term;
import org.craftline.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code training-sessions} kind: the sessions of the user's own school, keyed by course, item,
 * class and day; an imported row may change the hours, the instructor and the workshop. Teachers
 * import them as well as administrators, as they record them on the page.
 */
@Component
class TrainingSessionsImport implements ImportKind {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-M-d");

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("courseCode", "课程代码", "Course code", true, "750107-01"),
            new ImportColumn("itemCode", "实训项目代码", "Item code", true, "P01"),
            new ImportColumn("className", "班级", "Class", true, "2025级玉雕艺术1班"),
            new ImportColumn("heldOn", "日期", "Date", true, "2025-10-15"),
            new ImportColumn("hours", "学时", "Hours", true, "4"),
            new ImportColumn("instructorNumber", "指导教师工号", "Instructor staff number", false, "T0001"),
            new ImportColumn("workshopName", "实训室", "Workshop", false, ""));

    private final JdbcClient jdbc;
    private final TrainingSchools schools;
    private final OrganisationApi organisation;

    private final java.time.Clock clock;

    TrainingSessionsImport(
            JdbcClient jdbc, TrainingSchools schools, OrganisationApi organisation, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.schools = schools;
        this.organisation = organisation;
    }

    @Override
    public String name() {
        return "training-sessions";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    /** A course of the school: its id and major. */
    record Course(long id, long majorId) {}

    @Override
    public void checkImporter() {
        schools.recording(null);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        long schoolId = schools.recording(null);
        Map<String, Course> courses = new HashMap<>();
        Map<String, Long> items = new HashMap<>();
        jdbc.sql("""
                        SELECT c.code, c.id, c.major_id, i.code, i.id FROM course c
                        LEFT JOIN practical_item i ON i.course_id = c.id WHERE c.school_id = :s
                        """).param("s", schoolId).query(rs -> {
            courses.put(key(rs.getString(1)), new Course(rs.getLong(2), rs.getLong(3)));
            if (rs.getString(4) != null) {
                items.put(key(rs.getString(1)) + "\u0000" + key(rs.getString(4)), rs.getLong(5));
            }
        });
        return new Run(
                importKey,
                schoolId,
                courses,
                items,
                classes(schoolId),
                ids("SELECT staff_number, id FROM staff WHERE school_id = :s", schoolId),
                ids("SELECT name, id FROM workshop WHERE school_id = :s", schoolId));
    }

    private Map<String, Long> ids(String sql, long schoolId) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql(sql).param("s", schoolId).query(rs -> {
            ids.put(key(rs.getString(1)), rs.getLong(2));
        });
        return ids;
    }

    private Map<String, ClassRef> classes(long schoolId) {
        Map<String, ClassRef> classes = new HashMap<>();
        organisation.classes(schoolId).forEach((name, ref) -> classes.put(key(name), ref));
        return classes;
    }

    /** The platform hands cells over normalised (full-width to ASCII): names are looked up the same way. */
    static String key(String name) {
        return Text.normalise(name);
    }

    private final class Run implements ImportRun {
        private final String key;
        private final long schoolId;
        private final Map<String, Course> courses;
        private final Map<String, Long> items;
        private final Map<String, ClassRef> classes;
        private final Map<String, Long> staff;
        private final Map<String, Long> workshops;

        Run(
                String key,
                long schoolId,
                Map<String, Course> courses,
                Map<String, Long> items,
                Map<String, ClassRef> classes,
                Map<String, Long> staff,
                Map<String, Long> workshops) {
            this.key = key;
            this.schoolId = schoolId;
            this.courses = courses;
            this.items = items;
            this.classes = classes;
            this.staff = staff;
            this.workshops = workshops;
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            boolean ok = true;
            String courseCode = key(v.getOrDefault("courseCode", ""));
            Course course = courses.get(courseCode);
            Long item = items.get(courseCode + "\u0000" + key(v.getOrDefault("itemCode", "")));
            if (course == null) {
                errors.add("courseCode", courseCode, "training.course.unknown");
                ok = false;
            } else if (item == null) {
                errors.add("itemCode", v.get("itemCode"), "training.item.unknown");
                ok = false;
            }
            ClassRef klass = classes.get(key(v.getOrDefault("className", "")));
            if (klass == null) {
                errors.add("className", v.get("className"), "training.class.unknown");
                ok = false;
            } else if (course != null && klass.majorId() != course.majorId()) {
                errors.add("className", v.get("className"), "training.session.classMajor");
                ok = false;
            }
            LocalDate day = date(v.get("heldOn"));
            if (day == null) {
                errors.add("heldOn", v.get("heldOn"), "training.session.date");
                ok = false;
            } else if (day.isAfter(LocalDate.now(clock))) {
                errors.add("heldOn", v.get("heldOn"), "training.session.future");
                ok = false;
            }
            BigDecimal hours = hours(v.get("hours"));
            if (hours == null) {
                errors.add("hours", v.get("hours"), "training.session.hours.invalid");
                ok = false;
            }
            Long instructor = optional(staff, v, "instructorNumber", "training.instructor.unknown", errors);
            Long workshop = optional(workshops, v, "workshopName", "training.workshop.unknown", errors);
            if (!ok || instructor != null && instructor < 0 || workshop != null && workshop < 0) {
                return null;
            }
            return new StagedRow(item + "/" + klass.id() + "/" + day, new Object[] {
                schoolId, item, klass.id(), day, Term.of(day).toString(), hours, instructor, workshop
            });
        }

        /** Null for an empty cell, -1 (after reporting it) for a value that names nothing. */
        private Long optional(Map<String, Long> ids, Map<String, String> v, String column, String key, RowErrors e) {
            String value = v.getOrDefault(column, "");
            if (value.isBlank()) {
                return null;
            }
            Long id = ids.get(key(value));
            if (id == null) {
                e.add(column, value, key);
                return -1L;
            }
            return id;
        }

        @Override
        public String stagingTable() {
            return "training_session_import";
        }

        @Override
        public List<String> stagingColumns() {
            return List.of(
                    "import_key",
                    "school_id",
                    "item_id",
                    "class_id",
                    "held_on",
                    "term",
                    "hours",
                    "instructor_id",
                    "workshop_id");
        }

        @Override
        public ImportCounts merge(boolean apply) {
            String same = "t.hours = i.hours AND t.instructor_id IS NOT DISTINCT FROM i.instructor_id"
                    + " AND t.workshop_id IS NOT DISTINCT FROM i.workshop_id";
            ImportCounts counts = ImportCounts.of(
                    jdbc,
                    "training_session_import i LEFT JOIN training_session t ON t.item_id = i.item_id"
                            + " AND t.class_id = i.class_id AND t.held_on = i.held_on",
                    "t.id",
                    same,
                    key);
            if (apply) {
                jdbc.sql("""
                                MERGE INTO training_session t
                                USING (SELECT * FROM training_session_import WHERE import_key = :k) i
                                ON (t.item_id = i.item_id AND t.class_id = i.class_id AND t.held_on = i.held_on)
                                WHEN MATCHED AND NOT (%s) THEN UPDATE SET hours = i.hours,
                                     instructor_id = i.instructor_id, workshop_id = i.workshop_id,
                                     version = t.version + 1
                                WHEN NOT MATCHED THEN INSERT (school_id, item_id, class_id, held_on, term, hours,
                                     instructor_id, workshop_id)
                                     VALUES (i.school_id, i.item_id, i.class_id, i.held_on, i.term, i.hours,
                                     i.instructor_id, i.workshop_id)
                                """.formatted(same)).param("k", key).update();
            }
            return counts;
        }
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT c.code, i.code, k.name, t.held_on, t.hours, st.staff_number, w.name"
                        + " FROM training_session t JOIN practical_item i ON i.id = t.item_id"
                        + " JOIN course c ON c.id = i.course_id JOIN school_class k ON k.id = t.class_id"
                        + " LEFT JOIN staff st ON st.id = t.instructor_id LEFT JOIN workshop w ON w.id = t.workshop_id"
                        + " WHERE " + scope.sql("t.school_id")
                        + " ORDER BY t.school_id, t.held_on, c.code, i.code, k.name, t.id")
                .params(scope.params())
                .query((rs, n) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class).toString(),
                        rs.getBigDecimal(5).stripTrailingZeros().toPlainString(),
                        nn(rs.getString(6)),
                        nn(rs.getString(7))))
                .stream()) {
            rows.forEach(row);
        }
    }

    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : LocalDate.parse(text.trim().replace('/', '-').replace('.', '-'), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Hours in (0, 8] with at most one decimal, or null. */
    static BigDecimal hours(String text) {
        try {
            BigDecimal h = new BigDecimal(text.trim()).stripTrailingZeros();
            boolean inRange = h.signum() > 0 && h.compareTo(TrainingSessions.MAX_HOURS) <= 0;
            return inRange && h.scale() <= 1 ? h : null;
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
