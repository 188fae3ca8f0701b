package org.craftline.enterprises.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.CreditCodes;
import org.craftline.shared.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code cooperations} kind: a school's agreements, keyed by enterprise (credit code), type and
 * start date; an imported row may change the end date and the note. Documents are attached on the page.
 */
@Component
class CooperationsImport implements ImportKind {

    static final String[][] TYPES = {
        {"实习基地", "Internship base"},
        {"订单班", "Order class"},
        {"共建实训基地", "Co-built training base"},
        {"就业合作单位", "Employment partner"}
    };
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-M-d");

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("creditCode", "企业统一社会信用代码", "Enterprise credit code", true, "92411324MA0000001X"),
            new ImportColumn("type", "合作类型", "Type", true, "实习基地"),
            new ImportColumn("startsOn", "开始日期", "Starts on", true, "2024-09-01"),
            new ImportColumn("endsOn", "结束日期", "Ends on", false, "2027-08-31"),
            new ImportColumn("note", "备注", "Note", false, ""));

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final EnterprisesApi enterprises;
    private final Clock clock;

    CooperationsImport(JdbcClient jdbc, Tenancy tenancy, EnterprisesApi enterprises, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "cooperations";
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
        return new Run(importKey, schoolId, enterprises.idsByCreditCode());
    }

    private final class Run implements ImportRun {
        private final String key;
        private final long schoolId;
        private final Map<String, Long> codes;

        Run(String key, long schoolId, Map<String, Long> codes) {
            this.key = key;
            this.schoolId = schoolId;
            this.codes = codes;
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            Long enterprise = codes.get(CreditCodes.normalise(v.get("creditCode")));
            var type = Labels.parse(CooperationType.class, v.get("type"), TYPES);
            LocalDate starts = date(v.get("startsOn"));
            String endsText = v.getOrDefault("endsOn", "");
            LocalDate ends = endsText.isBlank() ? null : date(endsText);
            boolean ok = true;
            if (enterprise == null) {
                errors.add("creditCode", v.get("creditCode"), "cooperation.enterprise.unknown");
                ok = false;
            }
            if (type.isEmpty()) {
                errors.add("type", v.get("type"), "cooperation.type.invalid");
                ok = false;
            }
            if (starts == null) {
                errors.add("startsOn", v.get("startsOn"), "destination.recordedOn.invalid");
                ok = false;
            }
            if (!endsText.isBlank() && (ends == null || (starts != null && ends.isBefore(starts)))) {
                errors.add("endsOn", endsText, "cooperation.period");
                ok = false;
            }
            if (!ok) {
                return null;
            }
            String note = v.getOrDefault("note", "");
            return new StagedRow(
                    enterprise + "/" + type.get() + "/" + starts,
                    new Object[] {schoolId, enterprise, type.get().name(), starts, ends, note.isBlank() ? null : note});
        }

        @Override
        public String stagingTable() {
            return "cooperation_import";
        }

        @Override
        public List<String> stagingColumns() {
            return List.of("import_key", "school_id", "enterprise_id", "type", "starts_on", "ends_on", "note");
        }

        @Override
        public ImportCounts merge(boolean apply) {
            String same = "c.ends_on IS NOT DISTINCT FROM i.ends_on AND c.note IS NOT DISTINCT FROM i.note";
            ImportCounts counts = ImportCounts.of(
                    jdbc,
                    "cooperation_import i LEFT JOIN cooperation c ON c.school_id = i.school_id AND c.enterprise_id = i.enterprise_id AND c.type = i.type AND c.starts_on = i.starts_on",
                    "c.id",
                    same,
                    key);
            if (apply) {
                jdbc.sql("""
                                MERGE INTO cooperation c
                                USING (SELECT * FROM cooperation_import WHERE import_key = :k) i
                                ON (c.school_id = i.school_id AND c.enterprise_id = i.enterprise_id AND c.type = i.type
                                    AND c.starts_on = i.starts_on)
                                WHEN MATCHED AND NOT (%s) THEN UPDATE SET ends_on = i.ends_on, note = i.note
                                WHEN NOT MATCHED THEN INSERT (school_id, enterprise_id, type, starts_on, ends_on, note, created_at)
                                     VALUES (i.school_id, i.enterprise_id, i.type, i.starts_on, i.ends_on, i.note, :now)
                                """.formatted(same))
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
                .sql("SELECT e.credit_code, c.type, c.starts_on, c.ends_on, c.note FROM cooperation c"
                        + " JOIN enterprise e ON e.id = c.enterprise_id WHERE e.credit_code IS NOT NULL AND "
                        + scope.sql("c.school_id") + " ORDER BY e.credit_code, c.starts_on, c.id")
                .params(scope.params())
                .query((rs, i) -> List.of(
                        rs.getString(1),
                        TYPES[CooperationType.valueOf(rs.getString(2)).ordinal()][english ? 1 : 0],
                        rs.getObject(3, LocalDate.class).toString(),
                        rs.getObject(4, LocalDate.class) == null
                                ? ""
                                : rs.getObject(4, LocalDate.class).toString(),
                        rs.getString(5) == null ? "" : rs.getString(5)))
                .stream()) {
            rows.forEach(row);
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : LocalDate.parse(text.trim().replace('/', '-'), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
