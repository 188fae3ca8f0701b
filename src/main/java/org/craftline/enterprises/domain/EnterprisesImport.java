package org.craftline.enterprises.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.enterprises.Industry;
import org.craftline.enterprises.domain.EnterpriseForm.SizeBand;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.CreditCodes;
import org.craftline.shared.Labels;
import org.craftline.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The {@code enterprises} kind: the shared registry, keyed by the unified social credit code. */
@Component
class EnterprisesImport implements ImportKind {

    static final String[][] INDUSTRY = {
        {"玉雕", "Jade carving"}, {"地毯", "Carpet"}, {"其他工艺美术", "Other arts and crafts"}, {"其他", "Other"}
    };
    static final String[][] SIZE = {{"微型", "Micro"}, {"小型", "Small"}, {"中型", "Medium"}, {"大型", "Large"}};

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("creditCode", "统一社会信用代码", "Credit code", true, "92411324MA0000001X"),
            new ImportColumn("name", "企业名称", "Enterprise name", true, "镇平县石佛寺玉雕厂"),
            new ImportColumn("industry", "行业", "Industry", true, "玉雕"),
            new ImportColumn("regionCode", "所在区县代码", "County code", true, "411324"),
            new ImportColumn("town", "乡镇", "Town", false, "石佛寺镇"),
            new ImportColumn("sizeBand", "规模", "Size", true, "微型"),
            new ImportColumn("contact", "联系人", "Contact", false, ""),
            new ImportColumn("staffCount", "在岗职工人数", "Staff count", false, "35"));

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    EnterprisesImport(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "enterprises";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public void checkImporter() {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.SCHOOL_ADMIN) {
            throw new AccessDeniedException("the registry is imported by administrators");
        }
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        checkImporter();
        Map<String, Long> regions = jdbc
                .sql("SELECT code, id FROM region")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new Run(importKey, regions, tenancy.currentUser().username());
    }

    private final class Run implements ImportRun {
        private final String key;
        private final Map<String, Long> regions;
        private final String user;

        Run(String key, Map<String, Long> regions, String user) {
            this.key = key;
            this.regions = regions;
            this.user = user;
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            String code = CreditCodes.normalise(v.get("creditCode"));
            boolean ok = true;
            if (code.isEmpty()) {
                errors.add("creditCode", "", "import.row.required");
                ok = false;
            } else if (CreditCodes.problem(code).isPresent()) {
                errors.add(
                        "creditCode",
                        v.get("creditCode"),
                        CreditCodes.problem(code).get());
                ok = false;
            }
            String name = v.getOrDefault("name", "");
            if (name.isBlank() || Text.longerThan(name, 200)) {
                errors.add("name", name, "import.row.required");
                ok = false;
            }
            var industry = Labels.parse(Industry.class, v.get("industry"), INDUSTRY);
            if (industry.isEmpty()) {
                errors.add("industry", v.get("industry"), "enterprise.industry.invalid");
                ok = false;
            }
            Long region = regions.get(v.getOrDefault("regionCode", ""));
            if (region == null) {
                errors.add("regionCode", v.get("regionCode"), "region.unknown");
                ok = false;
            }
            var size = Labels.parse(SizeBand.class, v.get("sizeBand"), SIZE);
            if (size.isEmpty()) {
                errors.add("sizeBand", v.get("sizeBand"), "enterprise.size.invalid");
                ok = false;
            }
            Integer staff = StaffCountForm.parse(v.getOrDefault("staffCount", ""));
            if (staff != null && staff < 0) {
                errors.add("staffCount", v.get("staffCount"), "enterprise.staffCount.invalid");
                ok = false;
            }
            if (!ok) {
                return null;
            }
            return new StagedRow(code, new Object[] {
                code,
                name,
                industry.get().name(),
                region,
                blank(v.get("town")),
                size.get().name(),
                blank(v.get("contact")),
                staff
            });
        }

        @Override
        public String stagingTable() {
            return "enterprise_import";
        }

        @Override
        public List<String> stagingColumns() {
            return List.of(
                    "import_key",
                    "credit_code",
                    "name",
                    "industry",
                    "region_id",
                    "town",
                    "size_band",
                    "contact",
                    "staff_count");
        }

        @Override
        public ImportCounts merge(boolean apply) {
            String match =
                    " FROM enterprise_import i JOIN enterprise e ON e.credit_code = i.credit_code WHERE i.import_key = :k";
            String same = "e.name = i.name AND e.industry = i.industry AND e.region_id = i.region_id"
                    + " AND e.town IS NOT DISTINCT FROM i.town AND e.size_band = i.size_band"
                    + " AND e.contact IS NOT DISTINCT FROM i.contact"
                    // an empty staff count says nothing new: the count recorded stays
                    + " AND (i.staff_count IS NULL OR e.staff_count IS NOT DISTINCT FROM i.staff_count)";
            ImportCounts counts = ImportCounts.of(
                    jdbc,
                    "enterprise_import i LEFT JOIN enterprise e ON e.credit_code = i.credit_code",
                    "e.id",
                    same,
                    key);
            if (apply) {
                jdbc.sql(
                                "INSERT INTO audit_event (at, username, school_id, action, entity_type, entity_key, before_json,"
                                        + " after_json) SELECT :now, :user, NULL, 'UPDATE', 'enterprise', CAST(e.id AS VARCHAR(20)),"
                                        + " '{\"name\":\"' || REPLACE(e.name, '\"', '\\\"') || '\",\"industry\":\"' || e.industry"
                                        + " || '\",\"staffCount\":' || COALESCE(CAST(e.staff_count AS VARCHAR(10)), 'null') || '}',"
                                        + " '{\"name\":\"' || REPLACE(i.name, '\"', '\\\"') || '\",\"industry\":\"' || i.industry"
                                        + " || '\",\"staffCount\":' || COALESCE(CAST(COALESCE(i.staff_count, e.staff_count)"
                                        + " AS VARCHAR(10)), 'null') || '}'"
                                        + match + " AND NOT (" + same + ")")
                        .param("k", key)
                        .param("now", OffsetDateTime.now(clock))
                        .param("user", user)
                        .update();
                jdbc.sql("""
                                MERGE INTO enterprise e
                                USING (SELECT * FROM enterprise_import WHERE import_key = :k) i ON (e.credit_code = i.credit_code)
                                WHEN MATCHED AND NOT (%s) THEN UPDATE SET name = i.name, industry = i.industry,
                                     region_id = i.region_id, town = i.town, size_band = i.size_band, contact = i.contact,
                                     staff_count = COALESCE(i.staff_count, e.staff_count), version = e.version + 1
                                WHEN NOT MATCHED THEN INSERT (credit_code, name, industry, region_id, town, size_band, contact,
                                     staff_count)
                                     VALUES (i.credit_code, i.name, i.industry, i.region_id, i.town, i.size_band, i.contact,
                                     i.staff_count)
                                """.formatted(same)).param("k", key).update();
            }
            return counts;
        }
    }

    /** The whole registry (it is shared); enterprises without a credit code cannot be keyed and are left out. */
    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("SELECT e.credit_code, e.name, e.industry, r.code, e.town, e.size_band, e.contact, e.staff_count"
                        + " FROM enterprise e JOIN region r ON r.id = e.region_id WHERE e.credit_code IS NOT NULL"
                        + " ORDER BY e.credit_code, e.id")
                .query((rs, i) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        INDUSTRY[Industry.valueOf(rs.getString(3)).ordinal()][english ? 1 : 0],
                        rs.getString(4),
                        nn(rs.getString(5)),
                        SIZE[SizeBand.valueOf(rs.getString(6)).ordinal()][english ? 1 : 0],
                        nn(rs.getString(7)),
                        nn(rs.getString(8))))
                .stream()) {
            rows.forEach(row);
        }
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
