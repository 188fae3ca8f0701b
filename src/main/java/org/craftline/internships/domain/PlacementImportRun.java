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
import org.craftline.platform.ImportStaging;
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

    private final JdbcClient jdbc;
    private final PlacementCheck check;
    private final Validator validator;
    private final long schoolId;
    private final Map<String, Long> units;
    private final String key;
    private final String user;
    private final java.time.Clock clock;
    private final ImportStaging staging;

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
        // indexed: the file checks look up each staged row's other rows by student
        this.staging = ImportStaging.open(jdbc, PlacementStaging.TABLE, "internship_stage", true);
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

    /** The staged values: the page's own columns of the placement, in {@link PlacementStaging#COLUMNS}' order. */
    private Object[] staged(PlacementForm f, PlacementCheck.Admitted a) {
        Map<String, Object> v = Placements.values(f, a);
        v.put("school", schoolId);
        v.put("student", a.target().student().id());
        // a row that accepts the warnings keeps its reason until the file's shares are settled
        boolean accepting = PlacementForm.yes(f.acceptWarnings()) && f.acceptanceReason() != null;
        v.put("reason", accepting ? f.acceptanceReason().strip() : null);
        return PlacementStaging.PARAMS.stream().map(v::get).toArray();
    }

    @Override
    public String stagingTable() {
        return staging.table();
    }

    @Override
    public void staged() {
        staging.staged(jdbc);
    }

    @Override
    public List<String> stagingColumns() {
        return PlacementStaging.COLUMNS;
    }

    /** What only shows across rows: see {@link PlacementFileChecks}. */
    @Override
    public List<KeyedProblem> crossCheck(int limit) {
        return new PlacementFileChecks(jdbc, key, staging.table()).problems(limit);
    }

    /** New placements are written planned, each with its first status; recorded ones are left as they are. */
    @Override
    public ImportCounts merge(boolean apply) {
        ImportCounts counts = ImportCounts.of(
                jdbc,
                staging.table() + " i LEFT JOIN internship p ON " + PlacementStaging.MATCH,
                "p.id",
                PlacementStaging.SAME,
                key);
        if (apply) {
            new PlacementFileChecks(jdbc, key, staging.table()).settleAcceptances();
            insert(OffsetDateTime.now(clock));
        }
        return new ImportCounts(counts.created(), 0, counts.unchanged());
    }

    private void insert(OffsetDateTime now) {
        String columns = String.join(", ", PlacementStaging.COLUMNS.subList(1, PlacementStaging.COLUMNS.size()));
        jdbc.sql("INSERT INTO internship (" + columns + ", status, created_at) SELECT " + columns
                        + ", 'PLANNED', :now FROM " + staging.table() + " i WHERE i.import_key = :k"
                        + " AND NOT EXISTS (SELECT 1 FROM internship p WHERE " + PlacementStaging.MATCH + ")")
                .param("k", key)
                .param("now", now)
                .update();
        jdbc.sql("INSERT INTO internship_status_change (internship_id, status, changed_on, reason, recorded_by,"
                        + " recorded_at) SELECT p.id, 'PLANNED', p.starts_on, NULL, :user, :now FROM "
                        + staging.table() + " i"
                        + " JOIN internship p ON " + PlacementStaging.MATCH + " WHERE i.import_key = :k"
                        + " AND NOT EXISTS (SELECT 1 FROM internship_status_change c WHERE c.internship_id = p.id)")
                .param("k", key)
                .param("now", now)
                .param("user", user)
                .update();
    }
}
