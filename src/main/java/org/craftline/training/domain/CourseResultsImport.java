package org.craftline.training.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.ImportStaging;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
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
            new ImportColumn("passed", "是否合格", "Passed", true, "是"));

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
    private final Clock clock;

    CourseResultsImport(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
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

    /** The school's administrators, as for the courses themselves. */
    @Override
    public void checkImporter() {
        tenancy.administeredSchool(null);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        long schoolId = tenancy.administeredSchool(null);
        Map<String, Long> courses = new HashMap<>();
        jdbc.sql("SELECT code, id FROM course WHERE school_id = :s")
                .param("s", schoolId)
                .query(rs -> {
                    courses.put(TrainingSessionsImport.key(rs.getString(1)), rs.getLong(2));
                });
        return new Run(importKey, schoolId, courses);
    }

    private final class Run implements ImportRun {
        private final String importKey;
        private final long schoolId;
        private final Map<String, Long> courses;
        private final ImportStaging staging;

        Run(String importKey, long schoolId, Map<String, Long> courses) {
            this.importKey = importKey;
            this.schoolId = schoolId;
            this.courses = courses;
            this.staging = ImportStaging.open(jdbc, "course_result_import", "course_result_stage", true);
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            String number = v.getOrDefault("studentNumber", "").trim();
            boolean ok = true;
            if (number.isBlank() || number.length() > 30) {
                errors.add(
                        "studentNumber", number, number.isBlank() ? "import.row.required" : "training.result.number");
                ok = false;
            }
            String courseCode = v.getOrDefault("courseCode", "");
            Long course = courses.get(TrainingSessionsImport.key(courseCode));
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
                .sql("SELECT s.student_number, c.code, r.term, r.passed FROM course_result r"
                        + " JOIN student s ON s.id = r.student_id JOIN course c ON c.id = r.course_id"
                        + " WHERE " + scope.sql("r.school_id")
                        + " ORDER BY r.school_id, r.course_id, r.term, s.student_number")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        rs.getString(1), rs.getString(2), rs.getString(3), YesNo.label(rs.getBoolean(4), english)))
                .stream()) {
            rows.forEach(row);
        }
    }
}
