package org.craftline.students.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
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
import org.craftline.shared.Phones;
import org.craftline.shared.YesNo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code guardians} kind: one row a guardian, keyed by school, student number and the guardian's
 * name. Rows are checked by the rules of the form; the students are found set-based once the file is
 * staged (a row naming no student of the school is refused at its student number), then the rows are
 * compared and merged in a few statements whatever their number.
 */
@Component
class GuardiansImport implements ImportKind {

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("schoolCode", "学校标识码", "School code", false, ""),
            new ImportColumn("studentNumber", "学号", "Student number", true, "2026010101"),
            new ImportColumn("name", "监护人姓名", "Guardian name", true, "张建国"),
            new ImportColumn("relation", "与学生关系", "Relation", true, "父亲"),
            new ImportColumn("phone", "监护人手机号", "Guardian mobile phone", false, "13800138000"),
            new ImportColumn("legalGuardian", "是否法定监护人", "Legal guardian", true, "是"));

    static final List<String> STAGING = List.of(
            "import_key", "school_id", "student_number", "name", "relation", "phone", "phone_given", "legal_guardian");

    /** A staged row and its student. */
    private static final String STUDENT =
            "student s ON s.school_id = i.school_id AND s.student_number = i.student_number";
    /** A staged row and its guardian, once its student is joined. */
    private static final String GUARDIAN = "guardian g ON g.student_id = s.id AND g.name = i.name";

    /** The phone a staged row leaves its guardian with: the file's, or the stored one when the file has no phone column. */
    static final String PHONE = "CASE WHEN i.phone_given THEN i.phone ELSE g.phone END";

    static final String SAME = "g.relation = i.relation AND g.phone IS NOT DISTINCT FROM " + PHONE
            + " AND g.legal_guardian = i.legal_guardian";

    private final JdbcClient jdbc;
    private final TenantDirectory directory;
    private final Tenancy tenancy;
    private final Clock clock;

    GuardiansImport(JdbcClient jdbc, TenantDirectory directory, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "guardians";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    /** As for the students themselves: a school's administrators, or the operator naming the schools. */
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
        private final ImportStaging staging;

        Run(String importKey, ImportSchools schools) {
            this.importKey = importKey;
            this.schools = schools;
            this.staging = ImportStaging.open(jdbc, "guardian_import", "guardian_stage", true);
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            Long schoolId = schools.of(v.get("schoolCode"), errors);
            String number = v.getOrDefault("studentNumber", "");
            boolean ok = schoolId != null;
            if (number.isBlank() || !StudentRules.NUMBER.matcher(number).matches()) {
                errors.add(
                        "studentNumber", number, number.isBlank() ? "import.row.required" : "student.number.pattern");
                ok = false;
            }
            String legalCell = v.getOrDefault("legalGuardian", "");
            Boolean legal = yesNo(legalCell, errors);
            // an unreadable yes/no was named by yesNo; only a blank one is left for the rules to name
            GuardianRules.Valid g =
                    GuardianRules.check(v.get("name"), v.get("relation"), v.get("phone"), legal, (c, value, key) -> {
                        if (!c.equals("legalGuardian") || legalCell.isBlank()) {
                            errors.add(c, value, key);
                        }
                    });
            if (!ok || g == null || legal == null) {
                return null;
            }
            return new StagedRow(schoolId + "/" + number + "/" + g.name(), new Object[] {
                schoolId,
                number,
                g.name(),
                g.relation().name(),
                g.phone(),
                // a file without the phone column keeps the stored phones; an empty cell clears one
                v.containsKey("phone"),
                g.legalGuardian()
            });
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

        /**
         * The rows whose student the school does not have (one anti-join over the staged rows), then
         * those that would leave a student with an open internship as a minor without a legal guardian.
         */
        @Override
        public List<KeyedProblem> crossCheck(int limit) {
            List<KeyedProblem> problems = new java.util.ArrayList<>(unknownStudents(limit));
            if (problems.size() < limit) {
                problems.addAll(lastLegalGuardians(limit - problems.size()));
            }
            return problems;
        }

        /**
         * A row making a stored legal guardian no longer one, of a student with a planned or running
         * internship as a minor, when no other legal guardian stays on record or comes with the file.
         */
        private List<KeyedProblem> lastLegalGuardians(int limit) {
            String table = staging.table();
            return jdbc.sql("SELECT i.school_id, i.student_number, i.name FROM " + table + " i JOIN " + STUDENT
                            + " JOIN guardian g ON g.student_id = s.id AND g.name = i.name AND g.legal_guardian"
                            + " WHERE i.import_key = :k AND NOT i.legal_guardian AND " + Guardians.OPEN_MINOR_PLACEMENT
                            + " AND NOT EXISTS (SELECT 1 FROM guardian o WHERE o.student_id = s.id AND o.legal_guardian"
                            + " AND o.name <> i.name AND NOT EXISTS (SELECT 1 FROM " + table + " j"
                            + " WHERE j.import_key = :k AND j.school_id = i.school_id"
                            + " AND j.student_number = i.student_number AND j.name = o.name AND NOT j.legal_guardian))"
                            + " AND NOT EXISTS (SELECT 1 FROM " + table + " j WHERE j.import_key = :k"
                            + " AND j.school_id = i.school_id AND j.student_number = i.student_number AND j.legal_guardian)"
                            + " FETCH FIRST " + limit + " ROWS ONLY")
                    .param("k", importKey)
                    .query((rs, n) -> new KeyedProblem(
                            rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                            "legalGuardian",
                            "否",
                            "guardian.legal.lastOfMinor"))
                    .list();
        }

        private List<KeyedProblem> unknownStudents(int limit) {
            return jdbc.sql("SELECT i.school_id, i.student_number, i.name FROM " + staging.table() + " i"
                            + " WHERE i.import_key = :k AND NOT EXISTS (SELECT 1 FROM student s"
                            + " WHERE s.school_id = i.school_id AND s.student_number = i.student_number)"
                            + " FETCH FIRST " + limit + " ROWS ONLY")
                    .param("k", importKey)
                    .query((rs, n) -> new KeyedProblem(
                            rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getString(3),
                            "studentNumber",
                            rs.getString(2),
                            "guardian.student.unknown"))
                    .list();
        }

        @Override
        public ImportCounts merge(boolean apply) {
            String table = staging.table();
            // LEFT JOIN student: a row past the bound of cross-check problems still counts once (docs/imports.md)
            ImportCounts counts = ImportCounts.of(
                    jdbc, table + " i LEFT JOIN " + STUDENT + " LEFT JOIN " + GUARDIAN, "g.id", SAME, importKey);
            if (apply && counts.created() + counts.updated() > 0) {
                write(table);
            }
            return counts;
        }

        /** Audits the changed guardians (phones masked), then creates and updates in one statement. */
        private void write(String table) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.sql("INSERT INTO audit_event (at, username, school_id, action, entity_type, entity_key, before_json,"
                            + " after_json) SELECT :now, :user, g.school_id, 'UPDATE', 'guardian',"
                            + " CAST(g.id AS VARCHAR(20)), " + json("g", "g.phone") + ", " + json("i", PHONE) + " FROM "
                            + table
                            + " i JOIN " + STUDENT + " JOIN " + GUARDIAN + " WHERE i.import_key = :k AND NOT ("
                            + SAME + ")")
                    .param("now", now)
                    .param("user", tenancy.currentUser().username())
                    .param("k", importKey)
                    .update();
            jdbc.sql("""
                            MERGE INTO guardian g
                            USING (SELECT s.id AS student_id, i.school_id, i.name, i.relation, i.phone, i.phone_given,
                                          i.legal_guardian
                                   FROM %s i JOIN %s WHERE i.import_key = :k) i
                            ON (g.student_id = i.student_id AND g.name = i.name)
                            WHEN MATCHED AND NOT (%s) THEN UPDATE SET relation = i.relation, phone = %s,
                                 legal_guardian = i.legal_guardian, version = g.version + 1
                            WHEN NOT MATCHED THEN INSERT (school_id, student_id, name, relation, phone, legal_guardian,
                                 created_at)
                                 VALUES (i.school_id, i.student_id, i.name, i.relation, i.phone, i.legal_guardian, :now)
                            """.formatted(table, STUDENT, SAME, PHONE))
                    .param("k", importKey)
                    .param("now", now)
                    .update();
        }
    }

    /** A guardian row as audit JSON, built in SQL; the phone masked as everywhere else. */
    static String json(String t, String phone) {
        return "'{\"name\":\"' || REPLACE(REPLACE(" + t + ".name, '\\', '\\\\'), '\"', '\\\"')"
                + " || '\",\"relation\":\"' || " + t + ".relation"
                + " || '\",\"phone\":\"' || COALESCE(SUBSTRING(" + phone + ", 1, 3) || '****' || SUBSTRING(" + phone
                + ", 8, 4), '')"
                + " || '\",\"legalGuardian\":' || CASE WHEN " + t + ".legal_guardian THEN 'true' ELSE 'false' END"
                + " || '}'";
    }

    /** A yes/no cell ({@link YesNo}); null (and an error unless blank) otherwise. */
    private static Boolean yesNo(String text, RowErrors errors) {
        if (!YesNo.readable(text)) {
            errors.add("legalGuardian", text, "guardian.legalGuardian.invalid");
            return null;
        }
        return YesNo.value(text);
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT sc.code, s.student_number, g.name, g.relation, g.phone, g.legal_guardian"
                        + " FROM guardian g JOIN student s ON s.id = g.student_id JOIN school sc ON sc.id = g.school_id"
                        + " WHERE " + scope.sql("g.school_id") + " ORDER BY g.school_id, s.student_number, g.id")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        GuardianRelation.valueOf(rs.getString(4)).label(english),
                        rs.getString(5) == null ? "" : unmasked ? rs.getString(5) : Phones.mask(rs.getString(5)),
                        YesNo.label(rs.getBoolean(6), english)))
                .stream()) {
            rows.forEach(row);
        }
    }
}
