package org.craftline.development.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.Labels;
import org.craftline.shared.Money;
import org.craftline.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code expenditures} kind: ledger entries of the own school's projects, keyed by voucher
 * number. A voucher already in the ledger is unchanged when the row says the same and refused when
 * it differs (an entry is reversed, never edited). A row that would take its budget line over the
 * planned amount is a row error: the administrator's override exists only on the page and the API.
 */
@Component
class ExpendituresImport implements ImportKind {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-M-d");

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("project", "项目名称或编号", "Project name or id", true, "玉雕实训基地建设项目"),
            new ImportColumn("category", "预算科目", "Budget line", true, "设备"),
            new ImportColumn("spentOn", "支出日期", "Date", true, "2024-05-20"),
            new ImportColumn("amount", "金额（元）", "Amount (yuan)", true, "12800.00"),
            new ImportColumn("payee", "收款单位", "Payee", true, "镇平县玉雕机械厂"),
            new ImportColumn("voucherNo", "凭证号", "Voucher number", true, "记-2024-0101"),
            new ImportColumn("note", "备注", "Note", false, ""));

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    ExpendituresImport(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "expenditures";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    /** A budget line's plan and its running net spending while the file is read. */
    private static final class LineState {
        final long id;
        final BigDecimal planned;
        BigDecimal spent;

        LineState(long id, BigDecimal planned, BigDecimal spent) {
            this.id = id;
            this.planned = planned;
            this.spent = spent;
        }
    }

    @Override
    public void checkImporter() {
        tenancy.administeredSchool(null);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        long schoolId = tenancy.administeredSchool(null);
        Map<String, Long> projects = new HashMap<>();
        jdbc.sql("SELECT id, name FROM funded_project WHERE school_id = :s")
                .param("s", schoolId)
                .query((rs, i) -> projects.put(rs.getString(2), rs.getLong(1)))
                .list();
        // locked: no entry made meanwhile on the page can slip past the budget check of this file
        jdbc.sql("SELECT id FROM budget_line WHERE school_id = :s FOR UPDATE")
                .param("s", schoolId)
                .query(Long.class)
                .list();
        Map<String, LineState> lines = new HashMap<>();
        jdbc.sql("""
                        SELECT l.id, l.project_id, l.category, l.planned_amount, SUM(e.amount) AS spent
                        FROM budget_line l LEFT JOIN expenditure e ON e.line_id = l.id WHERE l.school_id = :s
                        GROUP BY l.id, l.project_id, l.category, l.planned_amount
                        """)
                .param("s", schoolId)
                .query((rs, i) -> lines.put(
                        rs.getLong(2) + "/" + rs.getString(3),
                        new LineState(rs.getLong(1), Money.of(rs.getBigDecimal(4)), Money.of(rs.getBigDecimal(5)))))
                .list();
        Map<String, String> vouchers = new HashMap<>();
        jdbc.sql("SELECT voucher_no, line_id, spent_on, amount, payee, note FROM expenditure"
                        + " WHERE school_id = :s AND voucher_no IS NOT NULL")
                .param("s", schoolId)
                .query((rs, i) -> vouchers.put(
                        rs.getString(1),
                        signature(
                                rs.getLong(2),
                                rs.getObject(3, LocalDate.class),
                                Money.of(rs.getBigDecimal(4)),
                                Text.normalise(rs.getString(5)),
                                Text.blankToNull(Text.normalise(rs.getString(6))))))
                .list();
        return new Run(importKey, schoolId, projects, lines, vouchers);
    }

    private final class Run implements ImportRun {
        private final String key;
        private final long schoolId;
        private final Map<String, Long> projects;
        private final Map<String, LineState> lines;
        private final Map<String, String> vouchers;
        private final Set<String> seen = new HashSet<>();

        Run(
                String key,
                long schoolId,
                Map<String, Long> projects,
                Map<String, LineState> lines,
                Map<String, String> vouchers) {
            this.key = key;
            this.schoolId = schoolId;
            this.projects = projects;
            this.lines = lines;
            this.vouchers = vouchers;
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            Long project = project(v.get("project"));
            var category = Labels.parse(LineCategory.class, v.get("category"), LineCategory.LABELS);
            LineState line = project == null || category.isEmpty() ? null : lines.get(project + "/" + category.get());
            LocalDate on = date(v.get("spentOn"));
            var amount = Money.parsePositive(v.get("amount"));
            String payee = v.getOrDefault("payee", "");
            String voucher = v.getOrDefault("voucherNo", "");
            String note = v.getOrDefault("note", "");
            boolean ok = check(project != null, "project", v, "expenditure.project.unknown", errors);
            ok &= check(category.isPresent(), "category", v, "line.category.invalid", errors);
            ok &= check(
                    project == null || category.isEmpty() || line != null,
                    "category",
                    v,
                    "expenditure.line.unknown",
                    errors);
            ok &= check(on != null, "spentOn", v, "expenditure.spentOn.invalid", errors);
            ok &= check(amount.isPresent(), "amount", v, "expenditure.amount.invalid", errors);
            ok &= check(
                    !payee.isBlank() && !Text.longerThan(payee, 200), "payee", v, "expenditure.payee.invalid", errors);
            ok &= check(
                    !voucher.isBlank() && !Text.longerThan(voucher, 30),
                    "voucherNo",
                    v,
                    "expenditure.voucherNo.invalid",
                    errors);
            ok &= check(!Text.longerThan(note, 500), "note", v, "expenditure.note.invalid", errors);
            if (!ok) {
                return null;
            }
            String noteOrNull = note.isBlank() ? null : note;
            String known = vouchers.get(voucher);
            if (known != null) {
                boolean same = known.equals(signature(line.id, on, amount.get(), payee, noteOrNull));
                return check(same, "voucherNo", v, "expenditure.voucher.exists", errors)
                        ? staged(voucher, line, on, amount.get(), payee, noteOrNull, project)
                        : null;
            }
            if (seen.add(voucher)) {
                BigDecimal after = line.spent.add(amount.get());
                if (!check(after.compareTo(line.planned) <= 0, "amount", v, "expenditure.overBudget", errors)) {
                    return null;
                }
                line.spent = after;
            }
            return staged(voucher, line, on, amount.get(), payee, noteOrNull, project);
        }

        private StagedRow staged(
                String voucher,
                LineState line,
                LocalDate on,
                BigDecimal amount,
                String payee,
                String note,
                long project) {
            return new StagedRow(voucher, new Object[] {schoolId, project, line.id, on, amount, payee, voucher, note});
        }

        private Long project(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            Long byName = projects.get(text.strip());
            if (byName != null || !text.strip().matches("\\d{1,18}")) {
                return byName;
            }
            long id = Long.parseLong(text.strip());
            return projects.containsValue(id) ? id : null;
        }

        @Override
        public String stagingTable() {
            return "expenditure_import";
        }

        @Override
        public List<String> stagingColumns() {
            return List.of(
                    "import_key",
                    "school_id",
                    "project_id",
                    "line_id",
                    "spent_on",
                    "amount",
                    "payee",
                    "voucher_no",
                    "note");
        }

        @Override
        public ImportCounts merge(boolean apply) {
            // a voucher in the ledger passed validation only if the row equals its entry
            ImportCounts counts = ImportCounts.of(
                    jdbc,
                    "expenditure_import i LEFT JOIN expenditure e ON e.school_id = i.school_id AND e.voucher_no = i.voucher_no",
                    "e.id",
                    "e.id IS NOT NULL",
                    key);
            if (apply) {
                jdbc.sql("""
                                MERGE INTO expenditure e
                                USING (SELECT * FROM expenditure_import WHERE import_key = :k) i
                                ON (e.school_id = i.school_id AND e.voucher_no = i.voucher_no)
                                WHEN NOT MATCHED THEN INSERT (school_id, project_id, line_id, spent_on, amount, payee, voucher_no,
                                     note, reverses_id, reversed, override_reason, created_by, created_at)
                                     VALUES (i.school_id, i.project_id, i.line_id, i.spent_on, i.amount, i.payee, i.voucher_no,
                                     i.note, NULL, FALSE, NULL, :by, :now)
                                """)
                        .param("k", key)
                        .param("by", tenancy.currentUser().username())
                        .param("now", OffsetDateTime.now(clock))
                        .update();
            }
            return counts;
        }
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT p.name, l.category, e.spent_on, e.amount, e.payee, e.voucher_no, e.note"
                        + " FROM expenditure e JOIN funded_project p ON p.id = e.project_id"
                        + " JOIN budget_line l ON l.id = e.line_id WHERE e.reverses_id IS NULL AND "
                        + scope.sql("e.school_id") + " ORDER BY e.school_id, e.spent_on, e.voucher_no")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        rs.getString(1),
                        LineCategory.LABELS[
                                LineCategory.valueOf(rs.getString(2)).ordinal()][english ? 1 : 0],
                        rs.getObject(3, LocalDate.class).toString(),
                        Money.of(rs.getBigDecimal(4)).toPlainString(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7) == null ? "" : rs.getString(7)))
                .stream()) {
            rows.forEach(row);
        }
    }

    private static boolean check(boolean ok, String column, Map<String, String> v, String message, RowErrors errors) {
        if (!ok) {
            errors.add(column, v.get(column), message);
        }
        return ok;
    }

    private static String signature(long line, LocalDate on, BigDecimal amount, String payee, String note) {
        return line + "|" + on + "|" + amount.toPlainString() + "|" + payee + "|" + (note == null ? "" : note);
    }

    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : LocalDate.parse(text.trim().replace('/', '-'), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
