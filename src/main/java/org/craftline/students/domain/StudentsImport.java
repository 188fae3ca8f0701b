package org.craftline.students.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.ImportKind.EarlyWrites;
import org.craftline.platform.ImportKind.KeyedProblem;
import org.craftline.platform.ImportSchools;
import org.craftline.platform.ImportStaging;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.platform.TenantDirectory;
import org.craftline.shared.Phones;
import org.craftline.shared.ResidentIds;
import org.craftline.shared.ShownIdentity;
import org.craftline.shared.YesNo;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code students} kind: one row a student, keyed by school and student number. Rows are
 * checked by the same rules as the form, staged, then compared and merged with set-based SQL.
 */
@Component
class StudentsImport implements ImportKind {

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("schoolCode", "学校标识码", "School code", false, ""),
            new ImportColumn("studentNumber", "学号", "Student number", true, "2026010101"),
            new ImportColumn("name", "姓名", "Name", true, "张三"),
            new ImportColumn("idNumber", "身份证号", "Resident ID number", true, "411324201003150019"),
            new ImportColumn("gender", "性别", "Gender", false, "男"),
            new ImportColumn("birthDate", "出生日期", "Birth date", false, "2010-03-15"),
            new ImportColumn("household", "户口类型", "Household", true, "农村"),
            new ImportColumn("phone", "手机号", "Mobile phone", false, "13800138000"),
            new ImportColumn("majorCode", "专业代码", "Major code", true, "750107"),
            new ImportColumn("className", "班级", "Class", false, "2026级玉雕艺术1班"),
            new ImportColumn("entryYear", "入学年份", "Entry year", true, "2026"),
            new ImportColumn("status", "学籍状态", "Status", false, "在读"),
            new ImportColumn("nationalNumber", "学籍号", "National student number", false, "G411324201003150019"),
            new ImportColumn("fullTime", "全日制", "Full-time", false, "是"),
            new ImportColumn("enrolledOn", "入学日期", "Enrolment date", false, "2026-09-01"));

    static final List<String> STAGING = List.of(
            "import_key",
            "school_id",
            "student_number",
            "name",
            "id_number",
            "gender",
            "birth_date",
            "household",
            "phone",
            "major_id",
            "class_id",
            "entry_year",
            "status",
            "national_number",
            "full_time",
            "enrolled_on");

    private final JdbcClient jdbc;
    private final Students students;
    private final OrganisationApi organisation;
    private final TenantDirectory directory;
    private final Tenancy tenancy;
    private final StudentsMerge merge;
    private final IdNumberHolders holders;
    private final ImportedStatuses statuses;

    StudentsImport(
            JdbcClient jdbc,
            Students students,
            OrganisationApi organisation,
            TenantDirectory directory,
            Tenancy tenancy,
            StudentsMerge merge,
            IdNumberHolders holders,
            ImportedStatuses statuses) {
        this.jdbc = jdbc;
        this.students = students;
        this.organisation = organisation;
        this.directory = directory;
        this.tenancy = tenancy;
        this.merge = merge;
        this.holders = holders;
        this.statuses = statuses;
    }

    @Override
    public String name() {
        return "students";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public void checkImporter() {
        ImportSchools.checkImporter(tenancy);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        checkImporter();
        return new Run(
                scope,
                importKey,
                new ImportSchools(directory, scope, tenancy.currentUser().schoolId()));
    }

    private final class Run implements ImportRun {
        private final Scope scope;
        private final String importKey;
        private final ImportSchools schools;
        private final Map<Long, StudentRules.Refs> refsBySchool = new HashMap<>();
        private final ImportStaging staging;
        /** Whether a row gave its 入学日期: the merge then reads the staged days (see StudentsMerge). */
        private volatile boolean enrolmentDays;
        /** Rows validated, and students the early writes created (read once the file is staged). */
        private long valid;

        private volatile long createdEarly;

        Run(Scope scope, String importKey, ImportSchools schools) {
            this.scope = scope;
            this.importKey = importKey;
            this.schools = schools;
            this.staging = ImportStaging.open(jdbc, "student_import", "student_stage", false);
        }

        @Override
        public StagedRow validate(Map<String, String> values, RowErrors errors) {
            StudentRules.Refs refs = refs(values.getOrDefault("schoolCode", ""), errors);
            if (refs == null) {
                return null;
            }
            ValidStudent s = StudentRules.check(
                    values, refs, (column, value, key) -> errors.add(column, shownInError(column, value), key));
            if (s == null) {
                return null;
            }
            enrolmentDays |= s.enrolledOn() != null;
            valid++;
            return new StagedRow(s.schoolId() + "/" + s.studentNumber(), s.stagingValues());
        }

        private StudentRules.Refs refs(String schoolCode, RowErrors errors) {
            Long schoolId = schools.of(schoolCode, errors);
            return schoolId == null ? null : refsBySchool.computeIfAbsent(schoolId, students::refs);
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

        @Override
        public ImportCounts merge(boolean apply) {
            return merge.merge(staging.table(), importKey, apply, enrolmentDays);
        }

        /**
         * The new students of each batch, with their first history rows, by the merge's own
         * statement; the rows that match a stored student wait for the merge.
         */
        @Override
        public EarlyWrites earlyWrites() {
            if (!staging.temporary()) {
                return null;
            }
            String batch = staging.batch(jdbc);
            StudentsMerge.Writer writer = merge.writer();
            return new EarlyWrites() {
                @Override
                public String batchTable() {
                    return batch;
                }

                @Override
                public long write(JdbcClient connection) {
                    long created = writer.create(connection, batch, importKey, enrolmentDays);
                    staging.moveBatch(connection, batch);
                    createdEarly += created;
                    return created;
                }
            };
        }

        @Override
        public List<KeyedProblem> crossCheck(int limit) {
            List<KeyedProblem> problems =
                    new java.util.ArrayList<>(holders.inImport(staging.table(), importKey, scope, limit));
            // a row the early writes created had no stored student whose status it could change
            if (problems.size() < limit && createdEarly < valid) {
                problems.addAll(statuses.inImport(staging.table(), importKey, limit - problems.size()));
            }
            return problems;
        }
    }

    /**
     * A refused value as the row's error shows it: ID numbers and phones masked as the trainees import
     * does, and a typed birth date cut to its year, so that nothing shown beside a masked number
     * gives it back (see ShownIdentity).
     */
    static String shownInError(String column, String value) {
        return switch (column) {
            case "idNumber" -> ResidentIds.mask(ResidentIds.normalise(value));
            case "phone" -> Phones.mask(Phones.normalise(value));
            case "nationalNumber" -> ResidentIds.mask(value);
            case "birthDate" -> ShownIdentity.maskTypedBirthDate(value);
            default -> value;
        };
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        var student = new DataClassRowMapper<>(StudentView.class);
        // the enrolment day, for the 入学日期 column: what an import of the file would date it
        try (var rows = jdbc
                .sql("SELECT " + Students.SELECT + ", (SELECT MIN(e.changed_on) FROM student_status_change e"
                        + " WHERE e.student_id = s.id AND e.kind = 'ENROL') AS enrolled_on FROM " + Students.FROM
                        + " WHERE " + scope.sql("s.school_id") + " ORDER BY sc.code, s.student_number")
                .params(scope.params())
                .query((rs, n) -> Map.entry(
                        student.mapRow(rs, n), Optional.ofNullable(rs.getObject("enrolled_on", LocalDate.class))))
                .stream()) {
            rows.forEach(r -> exportRow(r.getKey(), r.getValue(), unmasked, english, row));
        }
    }

    private static void exportRow(
            StudentView s,
            Optional<LocalDate> enrolledOn,
            boolean unmasked,
            boolean english,
            Consumer<List<String>> row) {
        row.accept(List.of(
                s.schoolCode(),
                s.studentNumber(),
                s.name(),
                s.shown(unmasked).idNumber(),
                "MALE".equals(s.gender()) ? (english ? "Male" : "男") : (english ? "Female" : "女"),
                s.shown(unmasked).birth(),
                Household.valueOf(s.household()).label(english),
                s.phone() == null ? "" : unmasked ? s.phone() : Phones.mask(s.phone()),
                s.majorCode(),
                s.className() == null ? "" : s.className(),
                String.valueOf(s.entryYear()),
                StudentStatus.valueOf(s.status()).label(english),
                s.nationalNumber() == null ? "" : unmasked ? s.nationalNumber() : ResidentIds.mask(s.nationalNumber()),
                YesNo.label(s.fullTime(), english),
                // left empty once a 留级 moved the entry year away from it, so that the file imports again
                enrolledOn
                        .filter(day -> day.getYear() == s.entryYear())
                        .map(LocalDate::toString)
                        .orElse("")));
    }
}
