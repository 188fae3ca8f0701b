package org.craftline.aid.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.ImportStaging;
import org.craftline.platform.Scope;
import org.craftline.shared.BankCards;
import org.craftline.shared.ConflictException;
import org.craftline.shared.Money;
import org.craftline.shared.Term;
import org.craftline.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code disbursements} kind: entries of the own school's aid ledger, keyed by voucher number, only
 * ever appended. A voucher already in the ledger is unchanged when the row says the same and refused when
 * it differs (an entry is reversed, never edited), so importing a file twice adds nothing the second
 * time. Checked once staged, by set-based SQL: the student, the school's decision for the kind and term,
 * the grant's ceiling of the tier's half-year amount over what is paid and what the file adds, and one
 * waiver a term; checked again when written, under the decisions' locks, so that a payment saved in
 * between refuses the whole import. Error rows show bank cards masked.
 */
@Component
class DisbursementsImport implements ImportKind {

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("studentNumber", "学号", "Student number", true, "2026010101"),
            new ImportColumn("term", "学期", "Term", true, "2026-2027-1"),
            new ImportColumn("kind", "资助类别", "Aid kind", true, "国家助学金"),
            new ImportColumn("amount", "金额（元）", "Amount (yuan)", true, "1000.00"),
            new ImportColumn("paidOn", "发放日期", "Date paid", true, "2026-10-15"),
            new ImportColumn("bankCard", "银行卡号", "Bank card number", false, "6222021234567891234"),
            new ImportColumn("voucherNo", "凭证号", "Voucher number", true, "ZZ-2026-0001"),
            new ImportColumn("note", "备注", "Note", false, ""),
            new ImportColumn("schoolCode", "学校标识码", "School code", false, ""));

    static final String LEDGER = "aid_disbursement d ON d.school_id = i.school_id AND d.voucher_no = i.voucher_no";
    static final String SAME = "d.student_id = s.id AND d.term = i.term AND d.kind = i.kind AND d.amount = i.amount"
            + " AND d.paid_on = i.paid_on AND d.bank_card IS NOT DISTINCT FROM i.bank_card"
            + " AND d.note IS NOT DISTINCT FROM i.note";
    static final String UNDECIDED = "NOT EXISTS (SELECT 1 FROM aid_decision a WHERE a.student_id = s.id"
            + " AND a.term = i.term AND (i.kind = 'WAIVER' AND a.waiver OR i.kind = 'GRANT' AND a.grant_tier IS NOT NULL))";

    private final JdbcClient jdbc;
    private final AidStudents students;
    private final Clock clock;

    DisbursementsImport(JdbcClient jdbc, AidStudents students, Clock clock) {
        this.jdbc = jdbc;
        this.students = students;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "disbursements";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public void checkImporter() {
        students.checkImporter();
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        return new Run(importKey, students.importer(scope));
    }

    private final class Run implements ImportRun {
        private final String key;
        private final AidStudents.FileSchool schools;
        private final ImportStaging staging;

        Run(String key, AidStudents.FileSchool schools) {
            this.key = key;
            this.schools = schools;
            this.staging = ImportStaging.open(jdbc, "aid_disbursement_import", "aid_disbursement_stage", true);
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            Long schoolId = schools.of(v, errors);
            Term term = AidCells.term(v.get("term"), errors);
            AidKind kind = AidKind.parse(v.get("kind")).orElse(null);
            BigDecimal amount = Money.parsePositive(v.get("amount"))
                    .filter(a -> a.precision() - a.scale() <= 10)
                    .orElse(null);
            LocalDate paidOn = AidCells.day(v.get("paidOn"), "paidOn", errors);
            String card = BankCards.normalise(v.get("bankCard"));
            String voucher = Text.normalise(v.getOrDefault("voucherNo", ""));
            voucher = voucher == null ? "" : voucher.strip();
            String note = Text.blankToNull(v.get("note"));
            boolean ok = check(kind != null, "kind", v, "aid.kind.invalid", errors)
                    & check(amount != null, "amount", v, "aid.amount.invalid", errors)
                    & check(
                            card.isEmpty() && kind != AidKind.GRANT
                                    || BankCards.problem(card).isEmpty(),
                            "bankCard",
                            v,
                            "bankCard.format",
                            errors)
                    & check(!voucher.isEmpty(), "voucherNo", v, "aid.voucherNo.required", errors)
                    & check(voucher.length() <= 30, "voucherNo", v, "aid.voucherNo.length", errors)
                    & check(note == null || !Text.longerThan(note, 500), "note", v, "aid.note.length", errors)
                    & check(
                            v.getOrDefault("studentNumber", "").length() <= 30,
                            "studentNumber",
                            v,
                            "aid.studentNumber.length",
                            errors);
            if (!ok
                    || schoolId == null
                    || term == null
                    || paidOn == null
                    || v.getOrDefault("studentNumber", "").isBlank()) {
                return null;
            }
            return new StagedRow(voucher, new Object[] {
                schoolId,
                v.get("studentNumber"),
                term.toString(),
                kind.name(),
                amount,
                paidOn,
                card.isEmpty() ? null : card,
                voucher,
                note
            });
        }

        @Override
        public String stagingTable() {
            return staging.table();
        }

        @Override
        public List<String> stagingColumns() {
            return List.of(
                    "import_key",
                    "school_id",
                    "student_number",
                    "term",
                    "kind",
                    "amount",
                    "paid_on",
                    "bank_card",
                    "voucher_no",
                    "note");
        }

        @Override
        public void staged() {
            staging.staged(jdbc);
        }

        @Override
        public List<KeyedProblem> crossCheck(int limit) {
            String table = staging.table();
            List<KeyedProblem> problems =
                    new ArrayList<>(AidCells.unknownStudents(jdbc, table, "i.voucher_no", key, limit));
            addProblems(
                    problems,
                    limit,
                    "d.id IS NOT NULL AND NOT (" + SAME + ")",
                    "voucherNo",
                    "i.voucher_no",
                    "aid.disbursement.voucher.differs");
            addProblems(
                    problems, limit, "d.id IS NULL AND " + UNDECIDED, "kind", "i.kind", "aid.disbursement.undecided");
            addProblems(
                    problems,
                    limit,
                    "d.id IS NULL AND i.kind = 'GRANT' AND " + overTier(table),
                    "amount",
                    "CAST(i.amount AS VARCHAR(20))",
                    "aid.disbursement.overTier");
            addProblems(
                    problems,
                    limit,
                    "d.id IS NULL AND i.kind = 'WAIVER' AND " + waiverTaken(table),
                    "kind",
                    "i.kind",
                    "aid.disbursement.waiverPaid");
            return problems;
        }

        private void addProblems(
                List<KeyedProblem> problems, int limit, String condition, String column, String value, String message) {
            if (problems.size() >= limit) {
                return;
            }
            problems.addAll(jdbc.sql("SELECT i.voucher_no, " + value + " FROM " + staging.table() + " i JOIN "
                            + AidRecipientsImport.STUDENT + " LEFT JOIN " + LEDGER + " WHERE i.import_key = :k AND "
                            + condition + " FETCH FIRST " + (limit - problems.size()) + " ROWS ONLY")
                    .param("k", key)
                    .query((rs, n) -> new KeyedProblem(rs.getString(1), column, rs.getString(2), message))
                    .list());
        }

        /** The grant's net paid in the ledger plus the file's new rows for the student and term pass the tier. */
        private String overTier(String table) {
            return "EXISTS (SELECT 1 FROM aid_decision a WHERE a.student_id = s.id AND a.term = i.term"
                    + " AND a.grant_tier IS NOT NULL AND " + AidLedger.net("s.id", "i.term", "'GRANT'") + " + "
                    + newInFile(table, "GRANT", "SUM(j.amount)")
                    + " > " + AidLedger.ceiling("a.grant_tier") + ")";
        }

        /** A waiver is entered once a term: none may be added while its net is positive, nor two by one file. */
        private String waiverTaken(String table) {
            return "(" + AidLedger.net("s.id", "i.term", "'WAIVER'") + " > 0 OR "
                    + newInFile(table, "WAIVER", "COUNT(*)") + " > 1)";
        }

        /** The aggregate over the file's rows of the kind for the row's student and term not in the ledger yet. */
        private static String newInFile(String table, String kind, String aggregate) {
            return "(SELECT " + aggregate + " FROM " + table + " j WHERE j.import_key = :k"
                    + " AND j.school_id = i.school_id AND j.student_number = i.student_number AND j.term = i.term"
                    + " AND j.kind = '" + kind + "' AND NOT EXISTS (SELECT 1 FROM aid_disbursement q"
                    + " WHERE q.school_id = j.school_id AND q.voucher_no = j.voucher_no))";
        }

        /**
         * Under the decisions' locks (taken in id order, as a payment takes its one), whether a new row now
         * fails a check the ledger decides: a payment or a decision saved since the cross-check.
         */
        private boolean changedMeanwhile(String table) {
            AidLedger.lockDecisions(jdbc, table, key);
            return jdbc.sql("SELECT COUNT(*) FROM " + table + " i JOIN " + AidRecipientsImport.STUDENT
                                    + " LEFT JOIN " + LEDGER + " WHERE i.import_key = :k AND d.id IS NULL AND ("
                                    + UNDECIDED + " OR i.kind = 'GRANT' AND " + overTier(table)
                                    + " OR i.kind = 'WAIVER' AND "
                                    + waiverTaken(table) + ")")
                            .param("k", key)
                            .query(Long.class)
                            .single()
                    > 0;
        }

        @Override
        public ImportCounts merge(boolean apply) {
            String table = staging.table();
            // a voucher in the ledger passed the checks only if the row equals its entry
            ImportCounts counts =
                    ImportCounts.of(jdbc, table + " i LEFT JOIN " + LEDGER, "d.id", "d.id IS NOT NULL", key);
            if (apply && counts.created() > 0) {
                if (changedMeanwhile(table)) {
                    throw new ConflictException("aid.import.changedMeanwhile", null, "ledger changed");
                }
                jdbc.sql("""
                                MERGE INTO aid_disbursement d
                                USING (SELECT i.*, s.id AS student_id FROM %s i JOIN %s WHERE i.import_key = :k) i
                                ON (d.school_id = i.school_id AND d.voucher_no = i.voucher_no)
                                WHEN NOT MATCHED THEN INSERT (school_id, student_id, term, kind, amount, paid_on, bank_card,
                                     voucher_no, note, reverses_id, reversed, created_by, created_at)
                                     VALUES (i.school_id, i.student_id, i.term, i.kind, i.amount, i.paid_on, i.bank_card,
                                     i.voucher_no, i.note, NULL, FALSE, :by, :now)
                                """.formatted(table, AidRecipientsImport.STUDENT))
                        .param("k", key)
                        .param("by", students.username())
                        .param("now", OffsetDateTime.now(clock))
                        .update();
            }
            return counts;
        }
    }

    private static boolean check(boolean ok, String column, Map<String, String> v, String message, RowErrors errors) {
        if (!ok) {
            errors.add(column, shownInError(column, v.get(column)), message);
        }
        return ok;
    }

    /** A cell as an error row shows it: a bank card masked (starred whole when too short to be one). */
    static String shownInError(String column, String value) {
        return "bankCard".equals(column) ? BankCards.mask(BankCards.normalise(value)) : value;
    }

    /**
     * The ledger's entries and reversals (the file sums to the net), bank cards masked for everyone: a card
     * is seen whole only through the audited reveal of one entry, never by an export.
     */
    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT s.student_number, d.term, d.kind, d.amount, d.paid_on, d.bank_card, d.voucher_no, d.note,"
                        + " sc.code FROM aid_disbursement d JOIN student s ON s.id = d.student_id"
                        + " JOIN school sc ON sc.id = d.school_id WHERE "
                        + scope.sql("d.school_id") + " ORDER BY d.school_id, d.paid_on, d.id")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        AidKind.valueOf(rs.getString(3)).label(english),
                        Money.of(rs.getBigDecimal(4)).toPlainString(),
                        rs.getObject(5, LocalDate.class).toString(),
                        rs.getString(6) == null ? "" : BankCards.mask(rs.getString(6)),
                        rs.getString(7) == null ? "" : rs.getString(7),
                        rs.getString(8) == null ? "" : rs.getString(8),
                        rs.getString(9)))
                .stream()) {
            rows.forEach(row);
        }
    }
}
