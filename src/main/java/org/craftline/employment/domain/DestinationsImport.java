package org.craftline.employment.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.employment.MatchRule;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.enterprises.EnterprisesApi.EnterpriseRef;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.CreditCodes;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Labels;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code destinations} kind: one row a graduate and follow-up point, keyed by student number and
 * point, for the administrator's own school. Local and matched employment follow the same rules as
 * a destination recorded on the page.
 */
@Component
class DestinationsImport implements ImportKind {

    static final String[][] POINTS = {
        {"毕业时", "At graduation"},
        {"毕业半年", "After 6 months"},
        {"毕业一年", "After 1 year"},
        {"毕业三年", "After 3 years"},
        {"此后", "Later"}
    };
    static final String[][] KINDS = {
        {"就业", "Employed"},
        {"升学", "Further study"},
        {"自主创业", "Self-employed"},
        {"参军入伍", "Military service"},
        {"待业", "Unemployed"},
        {"不详", "Unknown"}
    };
    static final String[][] YES_NO = {{"是", "Yes", "true", "Y"}, {"否", "No", "false", "N"}};
    static final String[][] CHANNELS = {{"学校推荐", "Recommended by the school"}, {"中介", "Agency"}, {"其他", "Other"}};
    static final String[][] SECTORS = {
        {"第一产业", "Primary sector"}, {"第二产业", "Secondary sector"}, {"第三产业", "Tertiary sector"}
    };
    static final String[][] PAY_BANDS = {
        {"2000元及以下", "Up to 2,000 yuan"},
        {"2001–3000元", "2,001–3,000 yuan", "2001-3000元", "2001-3000"},
        {"3001–4000元", "3,001–4,000 yuan", "3001-4000元", "3001-4000"},
        {"4001–5000元", "4,001–5,000 yuan", "4001-5000元", "4001-5000"},
        {"5001–6000元", "5,001–6,000 yuan", "5001-6000元", "5001-6000"},
        {"6000元以上", "Over 6,000 yuan"}
    };
    /** The terms' columns: a file without any of them keeps the terms recorded (older files). */
    static final List<String> TERMS = List.of("channel", "sector", "payBand", "contract", "insured", "abroad");

    enum YesNo {
        YES,
        NO
    }

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("studentNumber", "学号", "Student number", true, "G202600001"),
            new ImportColumn("followUp", "跟踪节点", "Follow-up point", true, "毕业时"),
            new ImportColumn("recordedOn", "记录日期", "Recorded on", true, "2026-07-01"),
            new ImportColumn("kind", "去向", "Destination", true, "就业"),
            new ImportColumn("creditCode", "用人单位信用代码", "Employer credit code", false, ""),
            new ImportColumn("enterpriseId", "名录企业编号（无信用代码时）", "Registry id (without a credit code)", false, ""),
            new ImportColumn("employerName", "用人单位（名录外）", "Employer (outside the registry)", false, ""),
            new ImportColumn("position", "岗位", "Position", false, "玉雕工"),
            new ImportColumn("local", "在本县（名录外单位）", "In the county (employer outside the registry)", false, ""),
            new ImportColumn("matchedOverride", "专业对口（人工判定）", "Matched (overridden)", false, ""),
            new ImportColumn("matchedReason", "判定理由", "Reason", false, ""),
            new ImportColumn("channel", "就业渠道", "Channel", false, "学校推荐"),
            new ImportColumn("sector", "产业", "Sector", false, ""),
            new ImportColumn("payBand", "月收入", "Monthly pay", false, "3001–4000元"),
            new ImportColumn("contract", "签订劳动合同", "Labour contract", false, "是"),
            new ImportColumn("insured", "缴纳社会保险", "Social insurance", false, "是"),
            new ImportColumn("abroad", "境外就业", "Abroad", false, "否"));

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final EnterprisesApi enterprises;

    DestinationsImport(JdbcClient jdbc, Tenancy tenancy, EnterprisesApi enterprises) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.enterprises = enterprises;
    }

    @Override
    public String name() {
        return "destinations";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    record Graduate(long id, String majorCode, int graduationYear) {}

    @Override
    public void checkImporter() {
        tenancy.administeredSchool(null);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        long schoolId = tenancy.administeredSchool(null);
        long region = jdbc.sql("SELECT region_id FROM school WHERE id = :s")
                .param("s", schoolId)
                .query(Long.class)
                .single();
        Map<String, Graduate> graduates = new HashMap<>();
        jdbc.sql(
                        "SELECT s.student_number, s.id, m.code, s.graduation_year FROM student s JOIN major m ON m.id = s.major_id"
                                + " WHERE s.school_id = :s AND s.graduation_year IS NOT NULL")
                .param("s", schoolId)
                .query(rs -> {
                    graduates.put(rs.getString(1), new Graduate(rs.getLong(2), rs.getString(3), rs.getInt(4)));
                });
        Map<String, EnterpriseRef> registry = new HashMap<>();
        enterprises.all().forEach(e -> {
            registry.put("#" + e.id(), e);
            if (e.creditCode() != null) {
                registry.put(e.creditCode(), e);
            }
        });
        return new Run(importKey, schoolId, region, graduates, registry);
    }

    private final class Run implements ImportRun {
        private final String key;
        private final long schoolId;
        private final long schoolRegion;
        private final Map<String, Graduate> graduates;
        private final Map<String, EnterpriseRef> registry;

        Run(
                String key,
                long schoolId,
                long schoolRegion,
                Map<String, Graduate> graduates,
                Map<String, EnterpriseRef> registry) {
            this.key = key;
            this.schoolId = schoolId;
            this.schoolRegion = schoolRegion;
            this.graduates = graduates;
            this.registry = registry;
        }

        @Override
        public StagedRow validate(Map<String, String> v, RowErrors errors) {
            int before = problems;
            Graduate g = graduates.get(v.getOrDefault("studentNumber", ""));
            if (g == null) {
                fail(errors, "studentNumber", v.get("studentNumber"), "destination.graduate.unknown");
            }
            var point = Labels.parse(FollowUp.class, v.get("followUp"), POINTS);
            if (point.isEmpty()) {
                fail(errors, "followUp", v.get("followUp"), "destination.followUp.invalid");
            }
            LocalDate on = date(v.get("recordedOn"));
            if (on == null) {
                fail(errors, "recordedOn", v.get("recordedOn"), "destination.recordedOn.invalid");
            }
            var kind = Labels.parse(DestinationKind.class, v.get("kind"), KINDS);
            if (kind.isEmpty()) {
                fail(errors, "kind", v.get("kind"), "destination.kind.invalid");
            }
            EnterpriseRef employer = employer(v, errors);
            boolean employed = kind.isPresent() && kind.get() == DestinationKind.EMPLOYED;
            String employerName = v.getOrDefault("employerName", "");
            if (employed && employer == null && employerName.isBlank() && problems == before) {
                fail(errors, "employerName", "", "destination.employer.required");
            }
            var override = Labels.parse(YesNo.class, v.get("matchedOverride"), YES_NO);
            String reason = v.getOrDefault("matchedReason", "");
            if (override.isPresent() && reason.isBlank()) {
                fail(errors, "matchedReason", "", "destination.matched.reason");
            }
            boolean termsGiven = TERMS.stream().anyMatch(v::containsKey);
            EmploymentTerms terms = termsGiven ? terms(v, errors) : EmploymentTerms.NONE;
            if (problems > before) {
                return null;
            }
            boolean working = kind.get().directlyEmployed();
            boolean local = working
                    && (employer != null
                            ? employer.regionId() == schoolRegion
                            : Labels.parse(YesNo.class, v.get("local"), YES_NO).orElse(YesNo.NO) == YesNo.YES);
            try {
                terms = terms.checked(kind.get(), employer == null ? null : employer.industry(), employer != null);
                if (terms.abroad() && local) {
                    throw new InvalidFieldException("terms.abroad", "destination.terms.abroadLocal");
                }
            } catch (InvalidFieldException refused) {
                String column = refused.field().substring("terms.".length());
                fail(errors, column, v.get(column), refused.messageKey());
                return null;
            }
            boolean matched = override.isPresent()
                    ? override.get() == YesNo.YES
                    : working && employer != null && MatchRule.matches(g.majorCode(), employer.industry());
            return new StagedRow(g.id() + "/" + point.get(), new Object[] {
                g.id(),
                schoolId,
                g.graduationYear(),
                point.get().name(),
                point.get().rank(),
                on,
                kind.get().name(),
                employer == null ? null : employer.id(),
                employer == null && !employerName.isBlank() ? employerName : null,
                blank(v.get("position")),
                local,
                matched,
                override.isPresent() ? reason : null,
                termsGiven,
                name(terms.channel()),
                name(terms.sector()),
                name(terms.payBand()),
                terms.contract(),
                terms.insured(),
                terms.abroad()
            });
        }

        /** The terms' cells as given; a cell that names no value refuses the row. */
        private EmploymentTerms terms(Map<String, String> v, RowErrors errors) {
            return new EmploymentTerms(
                    label(v, "channel", Channel.class, CHANNELS, errors),
                    label(v, "sector", Sector.class, SECTORS, errors),
                    label(v, "payBand", PayBand.class, PAY_BANDS, errors),
                    yesNo(v, "contract", errors),
                    yesNo(v, "insured", errors),
                    Boolean.TRUE.equals(yesNo(v, "abroad", errors)));
        }

        private <E extends Enum<E>> E label(
                Map<String, String> v, String column, Class<E> type, String[][] labels, RowErrors errors) {
            String text = v.getOrDefault(column, "");
            if (text.isBlank()) {
                return null;
            }
            var value = Labels.parse(type, text, labels);
            if (value.isEmpty()) {
                fail(errors, column, text, "destination.terms.invalid");
            }
            return value.orElse(null);
        }

        private Boolean yesNo(Map<String, String> v, String column, RowErrors errors) {
            String text = v.getOrDefault(column, "");
            if (text.isBlank()) {
                return null;
            }
            var value = Labels.parse(YesNo.class, text, YES_NO);
            if (value.isEmpty()) {
                fail(errors, column, text, "destination.terms.invalid");
            }
            return value.map(y -> y == YesNo.YES).orElse(null);
        }

        private int problems;

        private void fail(RowErrors errors, String column, String value, String messageKey) {
            problems++;
            errors.add(column, value, messageKey);
        }

        /** By credit code, or by registry id for an enterprise that has no code yet. */
        private EnterpriseRef employer(Map<String, String> v, RowErrors errors) {
            String code = CreditCodes.normalise(v.get("creditCode"));
            String id = v.getOrDefault("enterpriseId", "");
            if (code.isEmpty() && id.isBlank()) {
                return null;
            }
            String column = code.isEmpty() ? "enterpriseId" : "creditCode";
            EnterpriseRef e = registry.get(code.isEmpty() ? "#" + id.trim() : code);
            if (e == null) {
                fail(errors, column, v.get(column), "destination.enterprise.unknown");
            }
            return e;
        }

        @Override
        public String stagingTable() {
            return "destination_import";
        }

        @Override
        public List<String> stagingColumns() {
            return List.of(
                    "import_key",
                    "student_id",
                    "school_id",
                    "graduation_year",
                    "follow_up",
                    "follow_up_rank",
                    "recorded_on",
                    "kind",
                    "enterprise_id",
                    "employer_name",
                    "position",
                    "local_job",
                    "matched",
                    "matched_reason",
                    "terms_given",
                    "channel",
                    "sector",
                    "pay_band",
                    "contract",
                    "insured",
                    "abroad");
        }

        @Override
        public ImportCounts merge(boolean apply) {
            String same = "d.recorded_on = i.recorded_on AND d.kind = i.kind AND d.enterprise_id IS NOT DISTINCT FROM"
                    + " i.enterprise_id AND d.employer_name IS NOT DISTINCT FROM i.employer_name AND d.position IS NOT"
                    + " DISTINCT FROM i.position AND d.local_job = i.local_job AND d.matched = i.matched"
                    + " AND d.matched_reason IS NOT DISTINCT FROM i.matched_reason AND " + SAME_TERMS
                    + " AND d.confirmed = TRUE";
            ImportCounts counts = ImportCounts.of(
                    jdbc,
                    "destination_import i LEFT JOIN destination d ON d.student_id = i.student_id AND d.follow_up = i.follow_up",
                    "d.id",
                    same,
                    key);
            if (apply) {
                write(same);
            }
            return counts;
        }

        /**
         * A row of a file without the terms' columns keeps those recorded while its kind takes them;
         * a row of another kind has none.
         */
        private static final String KEPT = "NOT i.terms_given AND i.kind IN ('EMPLOYED', 'SELF_EMPLOYED')";

        private static final String SAME_TERMS = "((" + KEPT + ") OR (d.channel IS NOT DISTINCT FROM i.channel"
                + " AND d.sector IS NOT DISTINCT FROM i.sector AND d.pay_band IS NOT DISTINCT FROM i.pay_band"
                + " AND d.contract IS NOT DISTINCT FROM i.contract AND d.insured IS NOT DISTINCT FROM i.insured"
                + " AND d.abroad = i.abroad))";

        private static final String SET_TERMS = String.join(
                ", ",
                TERMS_COLUMNS.stream()
                        .map(c -> c + " = CASE WHEN " + KEPT + " THEN d." + c + " ELSE i." + c + " END")
                        .toList());

        private void write(String same) {
            jdbc.sql("""
                            MERGE INTO destination d
                            USING (SELECT * FROM destination_import WHERE import_key = :k) i
                            ON (d.student_id = i.student_id AND d.follow_up = i.follow_up)
                            WHEN MATCHED AND NOT (%s) THEN UPDATE SET recorded_on = i.recorded_on, kind = i.kind,
                                 enterprise_id = i.enterprise_id, employer_name = i.employer_name, position = i.position,
                                 local_job = i.local_job, matched = i.matched, matched_reason = i.matched_reason,
                                 %s, source = 'SCHOOL', confirmed = TRUE, version = d.version + 1
                            WHEN NOT MATCHED THEN INSERT (student_id, school_id, graduation_year, follow_up, follow_up_rank,
                                 recorded_on, kind, enterprise_id, employer_name, position, local_job, matched,
                                 matched_reason, source, confirmed, latest, channel, sector, pay_band, contract, insured,
                                 abroad)
                                 VALUES (i.student_id, i.school_id, i.graduation_year, i.follow_up, i.follow_up_rank,
                                 i.recorded_on, i.kind, i.enterprise_id, i.employer_name, i.position, i.local_job,
                                 i.matched, i.matched_reason, 'SCHOOL', TRUE, FALSE, i.channel, i.sector, i.pay_band,
                                 i.contract, i.insured, i.abroad)
                            """.formatted(same.replace(" AND d.confirmed = TRUE", ""), SET_TERMS))
                    .param("k", key)
                    .update();
            jdbc.sql("""
                            UPDATE destination SET latest = (confirmed AND follow_up_rank = (SELECT MAX(d2.follow_up_rank)
                                   FROM destination d2 WHERE d2.student_id = destination.student_id AND d2.confirmed))
                            WHERE student_id IN (SELECT student_id FROM destination_import WHERE import_key = :k)
                            """).param("k", key).update();
        }
    }

    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        int lang = english ? 1 : 0;
        try (var rows = jdbc
                .sql("SELECT s.student_number, d.follow_up, d.recorded_on, d.kind, e.credit_code,"
                        + " d.employer_name, d.position, d.local_job, d.matched_reason, d.matched, d.enterprise_id,"
                        + " d.channel, d.sector, d.pay_band, d.contract, d.insured, d.abroad"
                        + " FROM destination d"
                        + " JOIN student s ON s.id = d.student_id LEFT JOIN enterprise e ON e.id = d.enterprise_id"
                        + " WHERE d.confirmed = TRUE AND " + scope.sql("d.school_id")
                        + " ORDER BY s.student_number, d.follow_up_rank, d.id")
                .params(scope.params())
                .query((rs, i) -> {
                    boolean registered = rs.getString(11) != null;
                    boolean coded = rs.getString(5) != null;
                    boolean overridden = rs.getString(9) != null;
                    boolean direct = DestinationKind.valueOf(rs.getString(4)).directlyEmployed();
                    return List.of(
                            rs.getString(1),
                            POINTS[FollowUp.valueOf(rs.getString(2)).ordinal()][lang],
                            rs.getObject(3, LocalDate.class).toString(),
                            KINDS[DestinationKind.valueOf(rs.getString(4)).ordinal()][lang],
                            coded ? rs.getString(5) : "",
                            registered && !coded ? rs.getString(11) : "",
                            nn(rs.getString(6)),
                            nn(rs.getString(7)),
                            registered || rs.getString(6) == null ? "" : YES_NO[rs.getBoolean(8) ? 0 : 1][lang],
                            overridden ? YES_NO[rs.getBoolean(10) ? 0 : 1][lang] : "",
                            overridden ? rs.getString(9) : "",
                            labelOf(rs.getString(12), Channel.class, CHANNELS, lang),
                            labelOf(rs.getString(13), Sector.class, SECTORS, lang),
                            labelOf(rs.getString(14), PayBand.class, PAY_BANDS, lang),
                            yesNoOf(rs.getObject(15, Boolean.class), lang),
                            yesNoOf(rs.getObject(16, Boolean.class), lang),
                            direct ? YES_NO[rs.getBoolean(17) ? 0 : 1][lang] : "");
                })
                .stream()) {
            rows.forEach(row);
        }
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-M-d");

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : LocalDate.parse(text.trim().replace('/', '-').replace('.', '-'), DAY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final List<String> TERMS_COLUMNS =
            List.of("channel", "sector", "pay_band", "contract", "insured", "abroad");

    private static <E extends Enum<E>> String labelOf(String value, Class<E> type, String[][] labels, int lang) {
        return value == null ? "" : labels[Enum.valueOf(type, value).ordinal()][lang];
    }

    private static String yesNoOf(Boolean value, int lang) {
        return value == null ? "" : YES_NO[value ? 0 : 1][lang];
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
