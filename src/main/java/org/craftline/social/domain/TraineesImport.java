package org.craftline.social.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.Phones;
import org.craftline.shared.ResidentIds;
import org.craftline.shared.YesNo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code trainees} kind: one row a trainee in a cohort of the school, keyed by (cohort code,
 * resident ID number). A new ID number creates the trainee; a known one may change the trainee's name,
 * household, township and phone and the enrolment's attendance, completion and employment.
 */
@Component
class TraineesImport implements ImportKind {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-M-d");

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("cohortCode", "培训班编号", "Cohort code", true, "ZP-YD-2026-01"),
            new ImportColumn("name", "姓名", "Name", true, "王秀英"),
            new ImportColumn("idNumber", "身份证号", "Resident ID number", true, "411324198703150025"),
            new ImportColumn("household", "户口类型", "Household", true, "农村"),
            new ImportColumn("township", "乡镇（村）", "Village/town", false, "石佛寺镇"),
            new ImportColumn("phone", "手机号", "Mobile phone", false, ""),
            new ImportColumn("attendanceHours", "出勤学时", "Attendance hours", true, "120"),
            new ImportColumn("completed", "是否结业", "Completed", false, "是"),
            new ImportColumn("completedOn", "结业日期", "Completed on", false, "2026-05-20"),
            new ImportColumn("employed", "培训后就业", "Employed after training", false, "是"),
            new ImportColumn("employer", "就业单位", "Employer", false, "镇平县石佛寺玉雕坊"),
            new ImportColumn("employedLocally", "本地就业", "Employed locally", false, "是"));

    static final List<String> STAGING = List.of(
            "import_key",
            "school_id",
            "cohort_id",
            "name",
            "id_number",
            "id_tail",
            "gender",
            "birth_date",
            "household",
            "township",
            "phone",
            "attendance_hours",
            "completed",
            "completed_on",
            "employed",
            "employer",
            "employed_locally");

    static final String SAME_PERSON = "t.name = i.name AND t.household = i.household"
            + " AND t.township IS NOT DISTINCT FROM i.township AND t.phone IS NOT DISTINCT FROM i.phone";
    static final String SAME_ENROLMENT = "e.attendance_hours = i.attendance_hours AND e.completed = i.completed"
            + " AND e.completed_on IS NOT DISTINCT FROM i.completed_on AND e.employed IS NOT DISTINCT FROM i.employed"
            + " AND e.employer IS NOT DISTINCT FROM i.employer AND e.employed_locally IS NOT DISTINCT FROM i.employed_locally";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    TraineesImport(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    @Override
    public String name() {
        return "trainees";
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
        Map<String, CohortRef> cohorts = new HashMap<>();
        jdbc.sql(
                        "SELECT c.id, c.code, c.starts_on, c.ends_on, p.hours FROM cohort c JOIN programme p ON p.id = c.programme_id"
                                + " WHERE c.school_id = :s")
                .param("s", schoolId)
                .query(rs -> {
                    cohorts.put(
                            rs.getString(2),
                            new CohortRef(
                                    rs.getLong(1),
                                    schoolId,
                                    rs.getString(2),
                                    rs.getObject(3, LocalDate.class),
                                    rs.getObject(4, LocalDate.class),
                                    rs.getInt(5)));
                });
        return new Run(importKey, schoolId, cohorts);
    }

    private final class Run implements ImportRun {
        private final String key;
        private final long schoolId;
        private final Map<String, CohortRef> cohorts;
        // a person's details by ID number: two rows of one person (two cohorts) must agree
        private final Map<String, TraineeRules.Person> people = new HashMap<>();

        Run(String key, long schoolId, Map<String, CohortRef> cohorts) {
            this.key = key;
            this.schoolId = schoolId;
            this.cohorts = cohorts;
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            boolean[] bad = {false};
            TraineeRules.Problems p = (field, value, messageKey) -> {
                errors.add(field, value, messageKey);
                bad[0] = true;
            };
            CohortRef cohort = cohorts.get(v.getOrDefault("cohortCode", "").trim());
            if (cohort == null) {
                p.add("cohortCode", v.get("cohortCode"), "cohort.unknown");
            }
            var household = Household.parse(v.get("household"));
            Integer hours = integer(v.get("attendanceHours"));
            if (hours == null) {
                p.add("attendanceHours", v.get("attendanceHours"), "enrolment.hours.invalid");
            }
            LocalDate completedOn = date("completedOn", v, p);
            for (String yesNo : List.of("completed", "employed", "employedLocally")) {
                if (!YesNo.readable(v.get(yesNo))) {
                    p.add(yesNo, v.get(yesNo), "import.yesNo.invalid");
                }
            }
            if (cohort == null || bad[0]) {
                return null;
            }
            var person = TraineeRules.person(
                    v.get("name"),
                    v.get("idNumber"),
                    household.orElse(null),
                    v.get("township"),
                    v.get("phone"),
                    cohort,
                    p);
            var outcome = TraineeRules.outcome(
                    new OutcomeForm(
                            hours,
                            YesNo.value(v.get("completed")),
                            completedOn,
                            YesNo.value(v.get("employed")),
                            v.get("employer"),
                            null,
                            YesNo.value(v.get("employedLocally")),
                            null,
                            null),
                    cohort,
                    p);
            if (person == null || outcome == null) {
                return null;
            }
            TraineeRules.Person first = people.putIfAbsent(person.idNumber(), person);
            if (first != null && !first.equals(person)) {
                errors.add("idNumber", ResidentIds.mask(person.idNumber()), "trainee.import.differs");
                return null;
            }
            return new StagedRow(cohort.code() + "/" + person.idNumber(), new Object[] {
                schoolId,
                cohort.id(),
                person.name(),
                person.idNumber(),
                person.idTail(),
                person.gender(),
                person.birthDate(),
                person.household().name(),
                person.township(),
                person.phone(),
                outcome.attendanceHours(),
                outcome.completed(),
                outcome.completedOn(),
                outcome.employed(),
                outcome.employer(),
                outcome.employedLocally()
            });
        }

        @Override
        public String stagingTable() {
            return "trainee_import";
        }

        @Override
        public List<String> stagingColumns() {
            return STAGING;
        }

        @Override
        public ImportCounts merge(boolean apply) {
            ImportCounts counts = ImportCounts.of(
                    jdbc,
                    "trainee_import i LEFT JOIN trainee t ON t.school_id = i.school_id AND t.id_number = i.id_number"
                            + " LEFT JOIN enrolment e ON e.cohort_id = i.cohort_id AND e.trainee_id = t.id",
                    "e.id",
                    SAME_PERSON + " AND " + SAME_ENROLMENT,
                    key);
            if (apply) {
                mergeTrainees(key);
                mergeEnrolments(key);
            }
            return counts;
        }
    }

    /** One row per ID number (a trainee may be in several cohorts of one file): the first cohort's row. */
    private void mergeTrainees(String key) {
        jdbc.sql("""
                        MERGE INTO trainee t
                        USING (SELECT * FROM (SELECT i.*, ROW_NUMBER() OVER (PARTITION BY i.id_number ORDER BY i.cohort_id) AS rn
                                              FROM trainee_import i WHERE i.import_key = :k) x WHERE x.rn = 1) i
                        ON (t.school_id = i.school_id AND t.id_number = i.id_number)
                        WHEN MATCHED AND NOT (%s) THEN UPDATE SET name = i.name, household = i.household,
                             township = i.township, phone = i.phone, version = t.version + 1
                        WHEN NOT MATCHED THEN INSERT (school_id, name, id_number, id_tail, gender, birth_date, household,
                             township, phone)
                             VALUES (i.school_id, i.name, i.id_number, i.id_tail, i.gender, i.birth_date, i.household,
                             i.township, i.phone)
                        """.formatted(SAME_PERSON)).param("k", key).update();
    }

    private void mergeEnrolments(String key) {
        jdbc.sql("""
                        MERGE INTO enrolment e
                        USING (SELECT i.*, t.id AS trainee_id FROM trainee_import i
                               JOIN trainee t ON t.school_id = i.school_id AND t.id_number = i.id_number
                               WHERE i.import_key = :k) i
                        ON (e.cohort_id = i.cohort_id AND e.trainee_id = i.trainee_id)
                        WHEN MATCHED AND NOT (%s) THEN UPDATE SET attendance_hours = i.attendance_hours,
                             completed = i.completed, completed_on = i.completed_on, employed = i.employed,
                             employer = i.employer, employed_locally = i.employed_locally,
                             enterprise_id = CASE WHEN i.employed = TRUE THEN e.enterprise_id END,
                             version = e.version + 1
                        WHEN NOT MATCHED THEN INSERT (school_id, cohort_id, trainee_id, attendance_hours, completed,
                             completed_on, employed, employer, employed_locally)
                             VALUES (i.school_id, i.cohort_id, i.trainee_id, i.attendance_hours, i.completed,
                             i.completed_on, i.employed, i.employer, i.employed_locally)
                        """.formatted(SAME_ENROLMENT)).param("k", key).update();
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT c.code, t.name, t.id_number, t.household, t.township, t.phone, e.attendance_hours,"
                        + " e.completed, e.completed_on, e.employed, e.employer, e.employed_locally FROM enrolment e"
                        + " JOIN trainee t ON t.id = e.trainee_id JOIN cohort c ON c.id = e.cohort_id WHERE "
                        + scope.sql("e.school_id") + " ORDER BY e.school_id, c.code, t.id_number")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        unmasked ? rs.getString(3) : ResidentIds.mask(rs.getString(3)),
                        Household.valueOf(rs.getString(4)).label(english),
                        nz(rs.getString(5)),
                        rs.getString(6) == null ? "" : unmasked ? rs.getString(6) : Phones.mask(rs.getString(6)),
                        String.valueOf(rs.getInt(7)),
                        YesNo.label(rs.getBoolean(8), english),
                        rs.getObject(9, LocalDate.class) == null
                                ? ""
                                : rs.getObject(9, LocalDate.class).toString(),
                        YesNo.label(rs.getObject(10, Boolean.class), english),
                        nz(rs.getString(11)),
                        YesNo.label(rs.getObject(12, Boolean.class), english)))
                .stream()) {
            rows.forEach(row);
        }
    }

    private static Integer integer(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String column, Map<String, String> v, TraineeRules.Problems p) {
        String text = v.getOrDefault(column, "");
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim().replace('/', '-').replace('.', '-'), DAY);
        } catch (DateTimeParseException e) {
            p.add(column, text, "import.date.invalid");
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
