package org.craftline.internships.domain;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.craftline.platform.ImportKind.ImportCounts;
import org.craftline.platform.ImportKind.ImportRun;
import org.craftline.platform.ImportKind.KeyedProblem;
import org.craftline.platform.ImportKind.RowErrors;
import org.craftline.platform.ImportKind.StagedRow;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One import of placements into a school. A new row passes the form's constraints and then the one
 * rule path of the page ({@link PlacementCheck#admit}); a row whose placement is recorded already
 * (same student, unit and start date) must equal it: placements are changed on their page, where
 * the version read is checked.
 */
final class PlacementImportRun implements ImportRun {

    static final String TABLE = "internship_import";
    static final List<String> COLUMNS = List.of(
            "import_key",
            "school_id",
            "student_id",
            "enterprise_id",
            "kind",
            "post",
            "post_headcount",
            "matched",
            "starts_on",
            "ends_on",
            "supervisor_id",
            "mentor_name",
            "mentor_phone",
            "hours_per_day",
            "days_per_week",
            "night_shifts",
            "overtime",
            "public_holidays",
            "monthly_pay",
            "post_wage",
            "insurer",
            "policy_number",
            "insured_from",
            "insured_to",
            "agreement_ends_on",
            "minor",
            "guardian_name",
            "accepted_warnings",
            "acceptance_reason");
    /** The parameters of {@link Placements#values} that fill {@link #COLUMNS} after the import key. */
    static final List<String> PARAMS = List.of(
            "school",
            "student",
            "enterprise",
            "kind",
            "post",
            "headcount",
            "matched",
            "starts",
            "ends",
            "supervisor",
            "mentor",
            "phone",
            "hours",
            "days",
            "nights",
            "overtime",
            "holidays",
            "pay",
            "wage",
            "insurer",
            "policy",
            "insuredFrom",
            "insuredTo",
            "agreementEnds",
            "minor",
            "guardian",
            "accepted",
            "reason");
    /** A staged row and its placement: same school, student, unit and start date. */
    static final String MATCH = "p.school_id = i.school_id AND p.student_id = i.student_id"
            + " AND p.enterprise_id = i.enterprise_id AND p.starts_on = i.starts_on";
    /** What a row states equals its placement (the rules' decisions at entry are not restated). */
    static final String SAME = "p.kind = i.kind AND p.post = i.post AND p.post_headcount = i.post_headcount"
            + " AND p.ends_on = i.ends_on AND p.supervisor_id = i.supervisor_id AND p.mentor_name = i.mentor_name"
            + " AND p.mentor_phone = i.mentor_phone AND p.hours_per_day = i.hours_per_day"
            + " AND p.days_per_week = i.days_per_week AND p.night_shifts = i.night_shifts AND p.overtime = i.overtime"
            + " AND p.public_holidays = i.public_holidays AND p.monthly_pay = i.monthly_pay"
            + " AND p.post_wage = i.post_wage AND p.insurer = i.insurer AND p.policy_number = i.policy_number"
            + " AND p.insured_from = i.insured_from AND p.insured_to = i.insured_to"
            + " AND p.agreement_ends_on IS NOT DISTINCT FROM i.agreement_ends_on"
            + " AND p.guardian_name IS NOT DISTINCT FROM i.guardian_name";

    private final JdbcClient jdbc;
    private final PlacementCheck check;
    private final Validator validator;
    private final long schoolId;
    private final Map<String, Long> units;
    private final String key;
    private final String user;
    private final java.time.Clock clock;

    PlacementImportRun(
            JdbcClient jdbc,
            PlacementCheck check,
            Validator validator,
            long schoolId,
            Map<String, Long> units,
            String key,
            String user,
            java.time.Clock clock) {
        this.jdbc = jdbc;
        this.check = check;
        this.validator = validator;
        this.schoolId = schoolId;
        this.units = units;
        this.key = key;
        this.user = user;
        this.clock = clock;
    }

    @Override
    public StagedRow validate(Map<String, String> values, RowErrors errors) {
        PlacementCells.Row row = PlacementCells.read(values, units, errors);
        if (row == null || !constraintsHold(row.form(), values, errors)) {
            return null;
        }
        PlacementForm form = row.form();
        try {
            var target = check.resolve(schoolId, form);
            boolean recorded = recorded(target, form);
            var admitted = recorded
                    ? new PlacementCheck.Admitted(target, PlacementValues.check(form), null)
                    : check.admit(schoolId, form, null, row.agreementSigned(), row.consentSigned(), false);
            return new StagedRow(
                    target.student().id() + "/" + target.enterprise().id() + "/" + form.startsOn(),
                    staged(form, admitted));
        } catch (InvalidFieldException e) {
            refuse(e, values, errors);
        } catch (InvalidFieldsException e) {
            e.problems().forEach(p -> refuse(p, values, errors));
        }
        return null;
    }

    private boolean constraintsHold(PlacementForm form, Map<String, String> values, RowErrors errors) {
        var violations = validator.validate(form);
        for (ConstraintViolation<PlacementForm> v : violations) {
            String column = PlacementCells.column(v.getPropertyPath().toString());
            String constraint =
                    v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            String message = switch (constraint) {
                case "NotNull", "NotBlank" -> "import.row.required";
                case "Size" -> "internship.import.tooLong";
                default -> "internship.import.range";
            };
            errors.add(column, values.getOrDefault(column, ""), message);
        }
        return violations.isEmpty();
    }

    private static void refuse(InvalidFieldException e, Map<String, String> values, RowErrors errors) {
        String column = PlacementCells.column(e.field());
        errors.add(column, values.getOrDefault(column, ""), e.messageKey());
    }

    private boolean recorded(PlacementCheck.Target target, PlacementForm form) {
        return jdbc.sql("SELECT COUNT(*) FROM internship WHERE school_id = :school AND student_id = :student"
                                + " AND enterprise_id = :unit AND starts_on = :starts")
                        .param("school", schoolId)
                        .param("student", target.student().id())
                        .param("unit", target.enterprise().id())
                        .param("starts", form.startsOn())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The staged values: the page's own columns of the placement, in {@link #COLUMNS}' order. */
    private Object[] staged(PlacementForm f, PlacementCheck.Admitted a) {
        Map<String, Object> v = Placements.values(f, a);
        v.put("school", schoolId);
        v.put("student", a.target().student().id());
        // a row that accepts the warnings keeps its reason until the file's shares are settled
        boolean accepting = PlacementForm.yes(f.acceptWarnings()) && f.acceptanceReason() != null;
        v.put("reason", accepting ? f.acceptanceReason().strip() : null);
        return PARAMS.stream().map(v::get).toArray();
    }

    @Override
    public String stagingTable() {
        return TABLE;
    }

    @Override
    public List<String> stagingColumns() {
        return COLUMNS;
    }

    /** What only shows across rows: see {@link PlacementFileChecks}. */
    @Override
    public List<KeyedProblem> crossCheck(int limit) {
        return new PlacementFileChecks(jdbc, key).problems(limit);
    }

    /** New placements are written planned, each with its first status; recorded ones are left as they are. */
    @Override
    public ImportCounts merge(boolean apply) {
        ImportCounts counts = ImportCounts.of(jdbc, TABLE + " i LEFT JOIN internship p ON " + MATCH, "p.id", SAME, key);
        if (apply) {
            new PlacementFileChecks(jdbc, key).settleAcceptances();
            insert(OffsetDateTime.now(clock));
        }
        return new ImportCounts(counts.created(), 0, counts.unchanged());
    }

    private void insert(OffsetDateTime now) {
        String columns = String.join(", ", COLUMNS.subList(1, COLUMNS.size()));
        jdbc.sql("INSERT INTO internship (" + columns + ", status, created_at) SELECT " + columns
                        + ", 'PLANNED', :now FROM internship_import i WHERE i.import_key = :k"
                        + " AND NOT EXISTS (SELECT 1 FROM internship p WHERE " + MATCH + ")")
                .param("k", key)
                .param("now", now)
                .update();
        jdbc.sql("INSERT INTO internship_status_change (internship_id, status, changed_on, reason, recorded_by,"
                        + " recorded_at) SELECT p.id, 'PLANNED', p.starts_on, NULL, :user, :now FROM internship_import i"
                        + " JOIN internship p ON " + MATCH + " WHERE i.import_key = :k"
                        + " AND NOT EXISTS (SELECT 1 FROM internship_status_change c WHERE c.internship_id = p.id)")
                .param("k", key)
                .param("now", now)
                .param("user", user)
                .update();
    }
}
