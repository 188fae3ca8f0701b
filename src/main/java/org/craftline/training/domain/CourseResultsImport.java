package org.craftline.training.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.ImportSchools;
import org.craftline.platform.ImportStaging;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.platform.TenantDirectory;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Term;
import org.craftline.shared.YesNo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code course-results} kind: one row a student's result of a course in a term (passed or not),
 * keyed by student number, course code and term, for the user's own school. The courses are looked up
 * per row; the students set-based once the file is staged (a row naming no student of the school is
 * refused at its student number), then the rows are compared and merged in one statement whatever
 * their number. The graduation check reads the passed results of the required courses.
 */
@Component
class CourseResultsImport implements ImportKind {

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("studentNumber", "学号", "Student number", true, "2024010101"),
            new ImportColumn("courseCode", "课程代码", "Course code", true, "750107-01"),
            new ImportColumn("term", "学期", "Term", true, "2024-2025-1"),
            new ImportColumn("passed", "是否合格", "Passed", true, "是"),
            new ImportColumn("schoolCode", "学校标识码", "School code", false, ""));

    static final List<String> STAGING =
            List.of("import_key", "school_id", "student_number", "course_id", "term", "passed");

    /** A staged row and its student. */
    private static final String STUDENT =
            "student s ON s.school_id = i.school_id AND s.student_number = i.student_number";
    /** A staged row and its stored result, once its student is joined. */
    private static final String RESULT =
            "course_result r ON r.student_id = s.id AND r.course_id = i.course_id AND r.term = i.term";

    static final String SAME = "r.passed = i.passed";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final TenantDirectory directory;
    private final Clock clock;

    CourseResultsImport(JdbcClient jdbc, Tenancy tenancy, TenantDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "course-results";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    /**
     * The school's administrators, as for the courses themselves, into their own school; the operator
     * into the school each row names (学校标识码), as for the students.
     */
    @Override
    public void checkImporter() {
        ImportSchools.checkImporter(tenancy);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        checkImporter();
        return new Run(
                importKey,
                new ImportSchools(directory, scope, tenancy.currentUser().schoolId()));
    }

    private final class Run implements ImportRun {
        private final String importKey;
        private final ImportSchools schools;
        /** Each school's courses by code, read once a run when a row first names the school. */
        private final Map<Long, Map<String, Long>> courses = new HashMap<>();

        private final ImportStaging staging;

        Run(String importKey, ImportSchools schools) {
            this.importKey = importKey;
            this.schools = schools;
            this.staging = ImportStaging.open(jdbc, "course_result_import", "course_result_stage", true);
        }

        private Map<String, Long> coursesOf(long schoolId) {
            return courses.computeIfAbsent(schoolId, id -> {
                Map<String, Long> byCode = new HashMap<>();
                jdbc.sql("SELECT code, id FROM course WHERE school_id = :s")
                        .param("s", id)
                        .query(rs -> {
                            byCode.put(TrainingSessionsImport.key(rs.getString(1)), rs.getLong(2));
                        });
                return byCode;
            });
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            Long schoolId = schools.of(v.get("schoolCode"), errors);
            if (schoolId == null) {
                return null;
            }
            String number = v.getOrDefault("studentNumber", "").trim();
            boolean ok = true;
            if (number.isBlank() || number.length() > 30) {
                errors.add(
                        "studentNumber", number, number.isBlank() ? "import.row.required" : "training.result.number");
                ok = false;
            }
            String courseCode = v.getOrDefault("courseCode", "");
            Long course = coursesOf(schoolId).get(TrainingSessionsImport.key(courseCode));
            if (course == null) {
                errors.add("courseCode", courseCode, "training.course.unknown");
                ok = false;
            }
            String term = term(v.getOrDefault("term", ""), errors);
            Boolean passed = passed(v.getOrDefault("passed", ""), errors);
            if (!ok || term == null || passed == null) {
                return null;
            }
            return new StagedRow(key(number, course, term), new Object[] {schoolId, number, course, term, passed});
        }

        @Override
        public String stagingTable() {
            return staging.table();
        }

        @Override
        public List<String> stagingColumns() {
            return STAGING;
        }

        @Override
        public void staged() {
            staging.staged(jdbc);
        }

        /** The rows whose student the school does not have: one anti-join over the staged rows. */
        @Override
        public List<KeyedProblem> crossCheck(int limit) {
            return jdbc.sql("SELECT i.student_number, i.course_id, i.term FROM " + staging.table() + " i"
                            + " WHERE i.import_key = :k AND NOT EXISTS (SELECT 1 FROM student s"
                            + " WHERE s.school_id = i.school_id AND s.student_number = i.student_number)"
                            + " FETCH FIRST " + limit + " ROWS ONLY")
                    .param("k", importKey)
                    .query((rs, n) -> new KeyedProblem(
                            key(rs.getString(1), rs.getLong(2), rs.getString(3)),
                            "studentNumber",
                            rs.getString(1),
                            "training.result.student.unknown"))
                    .list();
        }

        @Override
        public ImportCounts merge(boolean apply) {
            String table = staging.table();
            // LEFT JOIN student: a row past the bound of cross-check problems still counts once (docs/imports.md)
            ImportCounts counts = ImportCounts.of(
                    jdbc, table + " i LEFT JOIN " + STUDENT + " LEFT JOIN " + RESULT, "r.id", SAME, importKey);
            if (apply && counts.created() + counts.updated() > 0) {
                jdbc.sql("""
                                MERGE INTO course_result r
                                USING (SELECT s.id AS student_id, i.school_id, i.course_id, i.term, i.passed
                                       FROM %s i JOIN %s WHERE i.import_key = :k) i
                                ON (r.student_id = i.student_id AND r.course_id = i.course_id AND r.term = i.term)
                                WHEN MATCHED AND NOT (%s) THEN UPDATE SET passed = i.passed, recorded_by = :user,
                                     recorded_at = :now, version = r.version + 1
                                WHEN NOT MATCHED THEN INSERT (school_id, student_id, course_id, term, passed,
                                     recorded_by, recorded_at)
                                     VALUES (i.school_id, i.student_id, i.course_id, i.term, i.passed, :user, :now)
                                """.formatted(table, STUDENT, SAME))
                        .param("k", importKey)
                        .param("user", tenancy.currentUser().username())
                        .param("now", OffsetDateTime.now(clock))
                        .update();
            }
            return counts;
        }
    }

    private static String key(String number, long courseId, String term) {
        return number + "/" + courseId + "/" + term;
    }

    /** The term as stored ('2025-2026-1'); null after an error. */
    private static String term(String text, RowErrors errors) {
        if (text.isBlank()) {
            errors.add("term", text, "import.row.required");
            return null;
        }
        try {
            return Term.parse(text).toString();
        } catch (InvalidFieldException e) {
            errors.add("term", text, "term.invalid");
            return null;
        }
    }

    /** A yes/no cell ({@link YesNo}); null after an error. */
    private static Boolean passed(String text, RowErrors errors) {
        if (text.isBlank()) {
            errors.add("passed", text, "import.row.required");
            return null;
        }
        if (!YesNo.readable(text)) {
            errors.add("passed", text, "training.result.passed.invalid");
            return null;
        }
        return YesNo.value(text);
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT s.student_number, c.code, r.term, r.passed, sc.code FROM course_result r"
                        + " JOIN student s ON s.id = r.student_id JOIN course c ON c.id = r.course_id"
                        + " JOIN school sc ON sc.id = r.school_id WHERE " + scope.sql("r.school_id")
                        + " ORDER BY r.school_id, r.course_id, r.term, s.student_number")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        YesNo.label(rs.getBoolean(4), english),
                        rs.getString(5)))
                .stream()) {
            rows.forEach(row);
        }
    }
}
