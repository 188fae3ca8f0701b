package org.craftline.internships.domain;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.Phones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code internships} kind: a school's placements, keyed by student number, unit (credit code)
 * and start date, each row checked against the 2021 rules as the page checks it. docs/imports.md
 * says how a row stands for the signed files a sheet cannot carry.
 */
@Component
class PlacementsImport implements ImportKind {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final EnterprisesApi registry;
    private final PlacementCheck check;
    private final InternshipAccess access;
    private final Validator validator;
    private final Clock clock;

    PlacementsImport(
            JdbcClient jdbc,
            Tenancy tenancy,
            EnterprisesApi registry,
            PlacementCheck check,
            InternshipAccess access,
            Validator validator,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.registry = registry;
        this.check = check;
        this.access = access;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "internships";
    }

    @Override
    public List<ImportColumn> columns() {
        return PlacementCells.COLUMNS;
    }

    /** A school's administrators import its placements (they alone may accept warnings). */
    @Override
    public void checkImporter() {
        tenancy.administeredSchool(null);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        long schoolId = tenancy.administeredSchool(null);
        return new PlacementImportRun(
                jdbc,
                check,
                validator,
                schoolId,
                registry.idsByCreditCode(),
                importKey,
                tenancy.currentUser().username(),
                clock);
    }

    /** The placements the user reaches whose unit has a credit code (the key of a row), in the template's layout. */
    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        var reach = access.reach();
        try (var rows = jdbc
                .sql("SELECT s.student_number, e.credit_code, i.kind, i.post, i.post_headcount,"
                        + " i.starts_on, i.ends_on, t.staff_number, i.mentor_name, i.mentor_phone, i.hours_per_day,"
                        + " i.days_per_week, i.night_shifts, i.overtime, i.public_holidays, i.monthly_pay, i.post_wage,"
                        + " i.insurer, i.policy_number, i.insured_from, i.insured_to, i.agreement_ends_on, i.minor,"
                        + " i.guardian_name, i.accepted_warnings, i.acceptance_reason"
                        + " FROM internship i JOIN student s ON s.id = i.student_id"
                        + " JOIN enterprise e ON e.id = i.enterprise_id JOIN staff t ON t.id = i.supervisor_id"
                        + " WHERE e.credit_code IS NOT NULL AND " + reach.sql()
                        + " ORDER BY i.school_id, s.student_number, i.starts_on, i.id")
                .params(reach.params())
                .query((rs, n) -> cells(rs, unmasked, english))
                .stream()) {
            rows.forEach(row);
        }
    }

    /** Every stored placement passed the file rules at entry: with the file, or as signed on paper. */
    private static List<String> cells(ResultSet rs, boolean unmasked, boolean english) throws SQLException {
        String phone = rs.getString(10);
        boolean minor = rs.getBoolean(23);
        boolean accepted = rs.getString(25) != null;
        return List.of(
                rs.getString(1),
                rs.getString(2),
                PlacementCells.KINDS[InternshipKind.valueOf(rs.getString(3)).ordinal()][english ? 1 : 0],
                rs.getString(4),
                String.valueOf(rs.getInt(5)),
                day(rs, 6),
                day(rs, 7),
                rs.getString(8),
                rs.getString(9),
                unmasked ? phone : Phones.mask(phone),
                plain(rs.getBigDecimal(11)),
                String.valueOf(rs.getInt(12)),
                PlacementCells.yesNo(rs.getBoolean(13), english),
                PlacementCells.yesNo(rs.getBoolean(14), english),
                PlacementCells.yesNo(rs.getBoolean(15), english),
                plain(rs.getBigDecimal(16)),
                plain(rs.getBigDecimal(17)),
                rs.getString(18),
                rs.getString(19),
                day(rs, 20),
                day(rs, 21),
                PlacementCells.yesNo(true, english),
                day(rs, 22),
                rs.getString(24) == null ? "" : rs.getString(24),
                minor ? PlacementCells.yesNo(true, english) : "",
                accepted ? PlacementCells.yesNo(true, english) : "",
                accepted ? rs.getString(26) : "");
    }

    private static String day(ResultSet rs, int column) throws SQLException {
        LocalDate day = rs.getObject(column, LocalDate.class);
        return day == null ? "" : day.toString();
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
