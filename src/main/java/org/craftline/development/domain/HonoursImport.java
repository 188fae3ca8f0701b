package org.craftline.development.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Scope;
import org.craftline.platform.StudentDirectory;
import org.craftline.platform.Tenancy;
import org.craftline.shared.Labels;
import org.craftline.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code honours} kind: the own school's honours and those of its students and staff, keyed by
 * holder, title and first year; an imported row may change the awarding body, level, end year and
 * note. Certificate files are attached on the page.
 */
@Component
class HonoursImport implements ImportKind {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})\\s*(?:[-–—~至到]\\s*(\\d{4}))?\\s*年?");

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("title", "荣誉称号", "Title", true, "河南省示范性中等职业学校"),
            new ImportColumn("awardingBody", "授予单位", "Awarding body", true, "河南省教育厅"),
            new ImportColumn("level", "级别", "Level", true, "省级"),
            new ImportColumn("period", "年份", "Year", true, "2010-2012"),
            new ImportColumn("studentNumber", "学号（个人荣誉）", "Student number (personal)", false, ""),
            new ImportColumn("staffNumber", "工号（个人荣誉）", "Staff number (personal)", false, ""),
            new ImportColumn("note", "备注", "Note", false, ""));

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final StudentDirectory students;

    HonoursImport(JdbcClient jdbc, Tenancy tenancy, Clock clock, StudentDirectory students) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.students = students;
    }

    @Override
    public String name() {
        return "honours";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public void checkImporter() {
        tenancy.administeredSchool(null);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        long schoolId = tenancy.administeredSchool(null);
        Map<String, Long> staff = new HashMap<>();
        jdbc.sql("SELECT staff_number, id FROM staff WHERE school_id = :s")
                .param("s", schoolId)
                .query((rs, i) -> staff.put(rs.getString(1), rs.getLong(2)))
                .list();
        return new Run(importKey, schoolId, staff);
    }

    private final class Run implements ImportRun {
        private final String key;
        private final long schoolId;
        private final Map<String, Long> staff;

        Run(String key, long schoolId, Map<String, Long> staff) {
            this.key = key;
            this.schoolId = schoolId;
            this.staff = staff;
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            String title = v.getOrDefault("title", "");
            String body = v.getOrDefault("awardingBody", "");
            var level = Labels.parse(AwardLevel.class, v.get("level"), AwardLevel.LABELS);
            Matcher period = PERIOD.matcher(v.getOrDefault("period", ""));
            boolean periodOk = period.matches() && years(period) != null;
            String studentNumber = v.getOrDefault("studentNumber", "");
            String staffNumber = v.getOrDefault("staffNumber", "");
            Long student = studentNumber.isBlank() ? null : student(studentNumber);
            Long member = staffNumber.isBlank() ? null : staff.get(staffNumber);
            String note = v.getOrDefault("note", "");
            boolean ok =
                    check(!title.isBlank() && !Text.longerThan(title, 200), "title", v, "honour.title.invalid", errors);
            ok &= check(
                    !body.isBlank() && !Text.longerThan(body, 100), "awardingBody", v, "honour.body.invalid", errors);
            ok &= check(level.isPresent(), "level", v, "honour.level.invalid", errors);
            ok &= check(periodOk, "period", v, "honour.period.invalid", errors);
            ok &= check(
                    studentNumber.isBlank() || student != null, "studentNumber", v, "honour.student.unknown", errors);
            ok &= check(staffNumber.isBlank() || member != null, "staffNumber", v, "honour.staff.unknown", errors);
            ok &= check(
                    studentNumber.isBlank() || staffNumber.isBlank(), "staffNumber", v, "honour.holder.both", errors);
            ok &= check(!Text.longerThan(note, 500), "note", v, "honour.note.invalid", errors);
            if (!ok) {
                return null;
            }
            int[] years = years(period);
            return new StagedRow(student + "/" + member + "/" + title + "/" + years[0], new Object[] {
                schoolId,
                student,
                member,
                title,
                body,
                level.get().name(),
                years[0],
                years[1] == years[0] ? null : years[1],
                note.isBlank() ? null : note
            });
        }

        // one indexed lookup a personal honour row (few in a file) instead of loading every student of the school
        private Long student(String number) {
            return students.studentId(schoolId, number).orElse(null);
        }

        @Override
        public String stagingTable() {
            return "honour_import";
        }

        @Override
        public List<String> stagingColumns() {
            return List.of(
                    "import_key",
                    "school_id",
                    "student_id",
                    "staff_id",
                    "title",
                    "awarding_body",
                    "honour_level",
                    "from_year",
                    "to_year",
                    "note");
        }

        @Override
        public ImportCounts merge(boolean apply) {
            String match = "h.school_id = i.school_id AND h.title = i.title AND h.from_year = i.from_year"
                    + " AND h.student_id IS NOT DISTINCT FROM i.student_id AND h.staff_id IS NOT DISTINCT FROM i.staff_id";
            String same = "h.awarding_body = i.awarding_body AND h.honour_level = i.honour_level"
                    + " AND h.to_year IS NOT DISTINCT FROM i.to_year AND h.note IS NOT DISTINCT FROM i.note";
            ImportCounts counts =
                    ImportCounts.of(jdbc, "honour_import i LEFT JOIN honour h ON " + match, "h.id", same, key);
            if (apply) {
                jdbc.sql("""
                                MERGE INTO honour h
                                USING (SELECT * FROM honour_import WHERE import_key = :k) i
                                ON (%s)
                                WHEN MATCHED AND NOT (%s) THEN UPDATE SET awarding_body = i.awarding_body,
                                     honour_level = i.honour_level, to_year = i.to_year, note = i.note,
                                     version = h.version + 1
                                WHEN NOT MATCHED THEN INSERT (school_id, student_id, staff_id, title, awarding_body, honour_level,
                                     from_year, to_year, note, created_at)
                                     VALUES (i.school_id, i.student_id, i.staff_id, i.title, i.awarding_body, i.honour_level,
                                     i.from_year, i.to_year, i.note, :now)
                                """.formatted(match, same))
                        .param("k", key)
                        .param("now", OffsetDateTime.now(clock))
                        .update();
            }
            return counts;
        }
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT h.title, h.awarding_body, h.honour_level, h.from_year, h.to_year,"
                        + " st.student_number, sf.staff_number, h.note FROM honour h"
                        + " LEFT JOIN student st ON st.id = h.student_id LEFT JOIN staff sf ON sf.id = h.staff_id WHERE "
                        + scope.sql("h.school_id") + " ORDER BY h.school_id, h.from_year, h.id")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        AwardLevel.LABELS[AwardLevel.valueOf(rs.getString(3)).ordinal()][english ? 1 : 0],
                        rs.getObject(5) == null ? rs.getString(4) : rs.getInt(4) + "-" + rs.getInt(5),
                        rs.getString(6) == null ? "" : rs.getString(6),
                        rs.getString(7) == null ? "" : rs.getString(7),
                        rs.getString(8) == null ? "" : rs.getString(8)))
                .stream()) {
            rows.forEach(row);
        }
    }

    /** The first and last year of "2012" or "2010-2012"; null when out of range or reversed. */
    private static int[] years(Matcher period) {
        int from = Integer.parseInt(period.group(1));
        int to = period.group(2) == null ? from : Integer.parseInt(period.group(2));
        return from < 1949 || to > 2100 || to < from ? null : new int[] {from, to};
    }

    private static boolean check(boolean ok, String column, Map<String, String> v, String message, RowErrors errors) {
        if (!ok) {
            errors.add(column, v.get(column), message);
        }
        return ok;
    }
}
