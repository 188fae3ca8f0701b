package org.craftline.jobs.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The {@code postings} kind: a school's postings for units of the registry without an account of
 * their own (as {@link Postings#create} allows a school), keyed by school + unit + position +
 * deadline. Rows obey the form's rules ({@link PostingRules}). Only the school's administrator
 * imports; a unit with an account posts on its portal.
 */
@Component
class PostingsImport implements ImportKind {

    static final String[][] KINDS = {{"就业岗位", "Job"}, {"实习岗位", "Internship"}};

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("creditCode", "单位统一社会信用代码", "Unit credit code", false, "92411324MA0000001X"),
            new ImportColumn("enterpriseId", "名录单位编号（无信用代码时）", "Registry id (without a credit code)", false, ""),
            new ImportColumn("kind", "类型", "Kind", true, "就业岗位"),
            new ImportColumn("position", "岗位", "Position", true, "玉雕学徒"),
            new ImportColumn("majorCodes", "面向专业代码", "Major codes", false, "750107,750106"),
            new ImportColumn("minSkillRank", "最低技能等级（0—7）", "Least skill rank (0-7)", false, "2"),
            new ImportColumn("headcount", "招聘人数", "Headcount", true, "3"),
            new ImportColumn("payFrom", "月薪下限（元）", "Pay from (yuan a month)", false, "3500"),
            new ImportColumn("payTo", "月薪上限（元）", "Pay to (yuan a month)", false, "5000"),
            new ImportColumn("town", "工作地点（乡镇）", "Town", false, "石佛寺镇"),
            new ImportColumn("startsOn", "到岗日期", "Starts on", false, ""),
            new ImportColumn("deadline", "截止日期", "Deadline", true, "2026-12-31"),
            new ImportColumn("description", "岗位说明", "Description", false, ""));

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final EnterprisesApi enterprises;
    private final PostingRules rules;
    private final Clock clock;

    PostingsImport(JdbcClient jdbc, Tenancy tenancy, EnterprisesApi enterprises, PostingRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.enterprises = enterprises;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "postings";
    }

    @Override
    public List<ImportColumn> columns() {
        return COLUMNS;
    }

    @Override
    public void checkImporter() {
        Role role = tenancy.currentUser().role();
        if (role != Role.SCHOOL_ADMIN && role != Role.SYSTEM_ADMIN) {
            // a unit with an account posts on its portal; a unit's user has no school to import for
            throw new AccessDeniedException("postings are imported by a school administrator");
        }
        tenancy.administeredSchool(null);
    }

    @Override
    public ImportRun begin(Scope scope, String importKey) {
        long school = tenancy.administeredSchool(null);
        Map<String, Long> units = new HashMap<>();
        enterprises.all().forEach(e -> {
            units.put("#" + e.id(), e.id());
            if (e.creditCode() != null) {
                units.put(e.creditCode(), e.id());
            }
        });
        Set<Long> withAccount = new HashSet<>(jdbc.sql(
                        "SELECT DISTINCT enterprise_id FROM app_user WHERE enterprise_id IS NOT NULL AND enabled = TRUE")
                .query(Long.class)
                .list());
        Map<String, Long> majors = new HashMap<>();
        jdbc.sql("SELECT code, id FROM major").query(rs -> {
            majors.put(rs.getString(1), rs.getLong(2));
        });
        var context = new PostingImportRun.Context(
                importKey, school, tenancy.currentUser().username(), units, withAccount, majors);
        return new PostingImportRun(context, rules, jdbc, clock);
    }

    /** The school's open postings (a closed or past one could not be imported again). */
    @Override
    public void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row) {
        try (var rows = jdbc
                .sql("""
                        SELECT e.credit_code, e.id, p.kind, p.position, p.min_skill_rank, p.headcount, p.pay_from,
                          p.pay_to, p.town, p.starts_on, p.deadline, p.description,
                          (SELECT STRING_AGG(m.code, ',' ORDER BY m.code) FROM posting_major pm
                           JOIN major m ON m.id = pm.major_id WHERE pm.posting_id = p.id) AS major_codes
                        FROM posting p JOIN enterprise e ON e.id = p.enterprise_id
                        WHERE p.closed = FALSE AND p.deadline >= :today AND %s
                        ORDER BY p.school_id, p.deadline, p.id
                        """.formatted(scope.sql("p.school_id")))
                .params(scope.params())
                .param("today", LocalDate.now(clock))
                .query((rs, i) -> List.of(
                        text(rs.getString(1)),
                        rs.getString(1) == null ? String.valueOf(rs.getLong(2)) : "",
                        KINDS[PostingKind.valueOf(rs.getString(3)).ordinal()][english ? 1 : 0],
                        rs.getString(4),
                        text(rs.getObject(5)),
                        String.valueOf(rs.getInt(6)),
                        money(rs.getBigDecimal(7)),
                        money(rs.getBigDecimal(8)),
                        text(rs.getString(9)),
                        text(rs.getObject(10, LocalDate.class)),
                        rs.getObject(11, LocalDate.class).toString(),
                        text(rs.getString(12)),
                        text(rs.getString(13))))
                .stream()) {
            rows.forEach(r -> row.accept(List.of(
                    r.get(0), r.get(1), r.get(2), r.get(3), r.get(12), r.get(4), r.get(5), r.get(6), r.get(7), r.get(8),
                    r.get(9), r.get(10), r.get(11))));
        }
    }

    private static String money(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
