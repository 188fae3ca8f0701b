package org.craftline.aid.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.ImportStaging;
import org.craftline.platform.Scope;
import org.craftline.shared.ConflictException;
import org.craftline.shared.Term;
import org.craftline.shared.YesNo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code aid-recipients} kind: the school's decisions, one row a student and term, keyed by student
 * number and term, into the own school. Once the file is staged, rows of students the school does not
 * have and rows deciding aid outside eligibility (the eligibility query of each term in the file) are
 * refused, and so are rows deciding less than the ledger already paid; then, under the decisions' locks,
 * the decisions are compared, audited and merged in a few statements.
 */
@Component
class AidRecipientsImport implements ImportKind {

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("studentNumber", "学号", "Student number", true, "2026010101"),
            new ImportColumn("term", "学期", "Term", true, "2026-2027-1"),
            new ImportColumn("waiver", "免学费", "Tuition waiver", true, "是"),
            new ImportColumn("grantTier", "国家助学金档次", "National grant tier", false, "二档"),
            new ImportColumn("schoolCode", "学校标识码", "School code", false, ""));

    static final String STUDENT = "student s ON s.school_id = i.school_id AND s.student_number = i.student_number";
    static final String SAME = "d.waiver = i.waiver AND d.grant_tier IS NOT DISTINCT FROM i.grant_tier";
    static final String WAIVER_PAID = "NOT i.waiver AND " + AidLedger.net("s.id", "i.term", "'WAIVER'") + " > 0";
    static final String BELOW_PAID = "(" + WAIVER_PAID + " OR " + AidLedger.net("s.id", "i.term", "'GRANT'") + " > "
            + AidLedger.ceiling("i.grant_tier") + ")";

    private final JdbcClient jdbc;
    private final AidStudents students;
    private final Clock clock;

    AidRecipientsImport(JdbcClient jdbc, AidStudents students, Clock clock) {
        this.jdbc = jdbc;
        this.students = students;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "aid-recipients";
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
            this.staging = ImportStaging.open(jdbc, "aid_decision_import", "aid_decision_stage", true);
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            Long schoolId = schools.of(v, errors);
            String number = v.getOrDefault("studentNumber", "");
            Term term = AidCells.term(v.get("term"), errors);
            String waiverCell = v.getOrDefault("waiver", "");
            if (!YesNo.readable(waiverCell) || waiverCell.isBlank()) {
                errors.add("waiver", waiverCell, "import.yesNo.invalid");
            }
            String tierCell = v.getOrDefault("grantTier", "");
            GrantTier tier =
                    tierCell.isBlank() ? null : GrantTier.parse(tierCell).orElse(null);
            if (!tierCell.isBlank() && tier == null) {
                errors.add("grantTier", tierCell, "aid.grantTier.invalid");
            }
            if (number.length() > 30) {
                errors.add("studentNumber", number, "aid.studentNumber.length");
            }
            if (schoolId == null
                    || number.isBlank()
                    || number.length() > 30
                    || term == null
                    || !YesNo.readable(waiverCell)
                    || waiverCell.isBlank()
                    || (!tierCell.isBlank() && tier == null)) {
                return null;
            }
            return new StagedRow(number + "/" + term, new Object[] {
                schoolId, number, term.toString(), YesNo.value(waiverCell), tier == null ? null : tier.name()
            });
        }

        @Override
        public String stagingTable() {
            return staging.table();
        }

        @Override
        public List<String> stagingColumns() {
            return List.of("import_key", "school_id", "student_number", "term", "waiver", "grant_tier");
        }

        @Override
        public void staged() {
            staging.staged(jdbc);
        }

        @Override
        public List<KeyedProblem> crossCheck(int limit) {
            List<KeyedProblem> problems = new ArrayList<>(
                    AidCells.unknownStudents(jdbc, staging.table(), "i.student_number || '/' || i.term", key, limit));
            List<String> terms = jdbc.sql("SELECT DISTINCT term FROM " + staging.table() + " WHERE import_key = :k")
                    .param("k", key)
                    .query(String.class)
                    .list();
            for (String term : terms) {
                if (problems.size() < limit) {
                    problems.addAll(ineligible(Term.parse(term), limit - problems.size()));
                }
            }
            if (problems.size() < limit) {
                problems.addAll(belowPaid(limit - problems.size()));
            }
            return problems;
        }

        /** Rows deciding less than the ledger already paid the student in the term: reversed first. */
        private List<KeyedProblem> belowPaid(int limit) {
            return jdbc.sql("SELECT i.student_number || '/' || i.term, i.waiver, i.grant_tier, CASE WHEN " + WAIVER_PAID
                            + " THEN 1 ELSE 0 END FROM " + staging.table() + " i JOIN " + STUDENT
                            + " WHERE i.import_key = :k AND " + BELOW_PAID + " FETCH FIRST " + limit + " ROWS ONLY")
                    .param("k", key)
                    .query((rs, n) -> rs.getInt(4) == 1
                            ? new KeyedProblem(rs.getString(1), "waiver", "否", "aid.decision.belowPaid")
                            : new KeyedProblem(
                                    rs.getString(1),
                                    "grantTier",
                                    rs.getString(3) == null
                                            ? ""
                                            : GrantTier.valueOf(rs.getString(3)).label(false),
                                    "aid.decision.belowPaid"))
                    .list();
        }

        /** Rows of the term granting a waiver or a grant the student is not eligible for. */
        private List<KeyedProblem> ineligible(Term term, int limit) {
            return jdbc.sql("SELECT i.student_number, i.waiver, i.grant_tier, COALESCE(e.waiver_eligible, FALSE),"
                            + " COALESCE(e.grant_eligible, FALSE) FROM " + staging.table() + " i JOIN " + STUDENT
                            + " LEFT JOIN " + Eligibility.ELIGIBLE_TABLE
                            + " ON e.student_id = s.id AND e.school_id = :school"
                            + " WHERE i.import_key = :k AND i.term = :term AND ((i.waiver AND NOT COALESCE("
                            + "e.waiver_eligible, FALSE)) OR (i.grant_tier IS NOT NULL AND NOT COALESCE("
                            + "e.grant_eligible, FALSE))) FETCH FIRST " + limit + " ROWS ONLY")
                    .param("k", key)
                    .params(Eligibility.params(term))
                    .param("school", schools.school())
                    .query((rs, n) -> rs.getBoolean(2) && !rs.getBoolean(4)
                            ? new KeyedProblem(
                                    rs.getString(1) + "/" + term, "waiver", "是", "aid.decision.waiverNotEligible")
                            : new KeyedProblem(
                                    rs.getString(1) + "/" + term,
                                    "grantTier",
                                    rs.getString(3),
                                    "aid.decision.grantNotEligible"))
                    .list();
        }

        @Override
        public ImportCounts merge(boolean apply) {
            String table = staging.table();
            ImportCounts counts = ImportCounts.of(
                    jdbc,
                    table + " i LEFT JOIN " + STUDENT
                            + " LEFT JOIN aid_decision d ON d.student_id = s.id AND d.term = i.term",
                    "d.id",
                    SAME,
                    key);
            if (apply && counts.created() + counts.updated() > 0) {
                // under the decisions' locks, as a payment takes its one: no payment passes what is written
                AidLedger.lockDecisions(jdbc, table, key);
                if (jdbc.sql("SELECT COUNT(*) FROM " + table + " i JOIN " + STUDENT + " WHERE i.import_key = :k AND "
                                        + BELOW_PAID)
                                .param("k", key)
                                .query(Long.class)
                                .single()
                        > 0) {
                    throw new ConflictException("aid.import.changedMeanwhile", null, "ledger changed");
                }
                write(table);
            }
            return counts;
        }

        /** Audits the new and the changed decisions, then creates and updates them in one statement. */
        private void write(String table) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            jdbc.sql(
                            "INSERT INTO audit_event (at, username, school_id, action, entity_type, entity_key, before_json,"
                                    + " after_json) SELECT :now, :user, i.school_id, 'CREATE', 'aid-decision',"
                                    + " CAST(s.id AS VARCHAR(20)) || '/' || i.term, NULL, " + json("i")
                                    + " FROM " + table + " i JOIN " + STUDENT + " WHERE i.import_key = :k"
                                    + " AND NOT EXISTS (SELECT 1 FROM aid_decision d WHERE d.student_id = s.id AND d.term = i.term)")
                    .param("now", now)
                    .param("user", students.username())
                    .param("k", key)
                    .update();
            jdbc.sql("INSERT INTO audit_event (at, username, school_id, action, entity_type, entity_key, before_json,"
                            + " after_json) SELECT :now, :user, d.school_id, 'UPDATE', 'aid-decision',"
                            + " CAST(d.student_id AS VARCHAR(20)) || '/' || d.term, " + json("d") + ", " + json("i")
                            + " FROM " + table + " i JOIN " + STUDENT
                            + " JOIN aid_decision d ON d.student_id = s.id AND d.term = i.term"
                            + " WHERE i.import_key = :k AND NOT (" + SAME + ")")
                    .param("now", now)
                    .param("user", students.username())
                    .param("k", key)
                    .update();
            jdbc.sql("""
                            MERGE INTO aid_decision d
                            USING (SELECT s.id AS student_id, i.school_id, i.term, i.waiver, i.grant_tier
                                   FROM %s i JOIN %s WHERE i.import_key = :k) i
                            ON (d.student_id = i.student_id AND d.term = i.term)
                            WHEN MATCHED AND NOT (%s) THEN UPDATE SET waiver = i.waiver, grant_tier = i.grant_tier,
                                 decided_by = :user, decided_at = :now, version = d.version + 1
                            WHEN NOT MATCHED THEN INSERT (school_id, student_id, term, waiver, grant_tier, decided_by,
                                 decided_at) VALUES (i.school_id, i.student_id, i.term, i.waiver, i.grant_tier, :user, :now)
                            """.formatted(table, STUDENT, SAME))
                    .param("k", key)
                    .param("user", students.username())
                    .param("now", now)
                    .update();
        }
    }

    /** A decision as audit JSON, built in SQL. */
    private static String json(String t) {
        return "'{\"waiver\":' || CASE WHEN " + t + ".waiver THEN 'true' ELSE 'false' END || ',\"grantTier\":'"
                + " || COALESCE('\"' || " + t + ".grant_tier || '\"', 'null') || '}'";
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT s.student_number, d.term, d.waiver, d.grant_tier, sc.code FROM aid_decision d"
                        + " JOIN student s ON s.id = d.student_id JOIN school sc ON sc.id = d.school_id WHERE "
                        + scope.sql("d.school_id")
                        + " ORDER BY d.school_id, d.term, s.student_number")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        YesNo.label(rs.getBoolean(3), english),
                        rs.getString(4) == null
                                ? ""
                                : GrantTier.valueOf(rs.getString(4)).label(english),
                        rs.getString(5)))
                .stream()) {
            rows.forEach(row);
        }
    }
}
