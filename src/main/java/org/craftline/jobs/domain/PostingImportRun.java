package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.platform.ImportKind.ImportCounts;
import org.craftline.platform.ImportKind.ImportRun;
import org.craftline.platform.ImportKind.RowErrors;
import org.craftline.platform.ImportKind.StagedRow;
import org.craftline.shared.CreditCodes;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One run of the postings import: a row becomes a {@link PostingForm} checked by {@link PostingRules};
 * the merge matches a staged row to the school's posting of the same unit, position and deadline.
 * Majors are staged as {@code ",id,id,"} and synced set-based.
 */
final class PostingImportRun implements ImportRun {

    /** What validation needs, loaded once per run. */
    record Context(
            String key,
            long school,
            String username,
            Map<String, Long> units,
            Set<Long> withAccount,
            Map<String, Long> majors) {}

    // the staged rows of this run, each with the school's posting it matches (pid)
    private static final String STAGED = "(SELECT s.*, (SELECT MIN(q.id) FROM posting q WHERE q.school_id = s.school_id"
            + " AND q.enterprise_id = s.enterprise_id AND q.position = s.position AND q.deadline = s.deadline) AS pid"
            + " FROM posting_import s WHERE s.import_key = :k)";
    private static final String SAME_FIELDS =
            "p.kind = i.kind AND p.min_skill_rank IS NOT DISTINCT FROM i.min_skill_rank"
                    + " AND p.headcount = i.headcount AND p.pay_from IS NOT DISTINCT FROM i.pay_from"
                    + " AND p.pay_to IS NOT DISTINCT FROM i.pay_to AND p.town IS NOT DISTINCT FROM i.town"
                    + " AND p.starts_on IS NOT DISTINCT FROM i.starts_on AND p.description IS NOT DISTINCT FROM i.description";
    private static final String IN_STAGED = "POSITION(',' || CAST(%s AS VARCHAR(20)) || ',' IN %s) > 0";
    private static final String SAME_MAJORS =
            "(SELECT COUNT(*) FROM posting_major m WHERE m.posting_id = p.id) = i.major_count"
                    + " AND NOT EXISTS (SELECT 1 FROM posting_major m WHERE m.posting_id = p.id AND NOT "
                    + IN_STAGED.formatted("m.major_id", "i.major_ids") + ")";

    private final Context c;
    private final PostingRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    PostingImportRun(Context context, PostingRules rules, JdbcClient jdbc, Clock clock) {
        this.c = context;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public StagedRow validate(Map<String, String> v, RowErrors errors) {
        Long unit = unit(v, errors);
        var form = PostingRows.form(unit, v, errors);
        if (form == null) {
            return null;
        }
        PostingRules.Checked checked = rules.check(form, c.majors()::get);
        checked.problems().forEach(p -> errors.add(p.field(), v.get(p.field()), p.messageKey()));
        if (unit == null || !checked.problems().isEmpty()) {
            return null;
        }
        String majorIds = checked.majors().stream().map(String::valueOf).reduce(",", (a, b) -> a + b + ",");
        return new StagedRow(unit + "/" + form.position().strip() + "/" + form.deadline(), new Object[] {
            c.school(),
            unit,
            form.kind().name(),
            form.position().strip(),
            majorIds,
            checked.majors().size(),
            form.minSkillRank(),
            form.headcount(),
            form.payFrom(),
            form.payTo(),
            PostingRows.blankToNull(form.town()),
            form.startsOn(),
            form.deadline(),
            PostingRows.blankToNull(form.description())
        });
    }

    /** By credit code, or by registry id for a unit without one; a unit with its own account posts itself. */
    private Long unit(Map<String, String> v, RowErrors errors) {
        String code = CreditCodes.normalise(v.get("creditCode"));
        String id = v.getOrDefault("enterpriseId", "").trim();
        String column = code.isEmpty() ? "enterpriseId" : "creditCode";
        Long unit = c.units().get(code.isEmpty() ? "#" + id : code);
        if (unit == null || (code.isEmpty() && id.isEmpty())) {
            errors.add(column, v.get(column), "posting.enterprise.unknown");
            return null;
        }
        if (c.withAccount().contains(unit)) {
            errors.add(column, v.get(column), "posting.enterprise.hasAccount");
            return null;
        }
        return unit;
    }

    @Override
    public String stagingTable() {
        return "posting_import";
    }

    @Override
    public List<String> stagingColumns() {
        return Arrays.asList(
                "import_key",
                "school_id",
                "enterprise_id",
                "kind",
                "position",
                "major_ids",
                "major_count",
                "min_skill_rank",
                "headcount",
                "pay_from",
                "pay_to",
                "town",
                "starts_on",
                "deadline",
                "description");
    }

    @Override
    public ImportCounts merge(boolean apply) {
        ImportCounts counts = ImportCounts.of(
                jdbc,
                STAGED + " i LEFT JOIN posting p ON p.id = i.pid",
                "p.id",
                SAME_FIELDS + " AND " + SAME_MAJORS,
                c.key());
        if (apply) {
            write();
        }
        return counts;
    }

    private void write() {
        jdbc.sql("""
                        MERGE INTO posting p USING %s i ON (p.id = i.pid)
                        WHEN MATCHED AND NOT (%s) THEN UPDATE SET kind = i.kind, min_skill_rank = i.min_skill_rank,
                          headcount = i.headcount, pay_from = i.pay_from, pay_to = i.pay_to, town = i.town,
                          starts_on = i.starts_on, description = i.description, version = p.version + 1
                        WHEN NOT MATCHED THEN INSERT (enterprise_id, school_id, kind, position, min_skill_rank, headcount,
                          pay_from, pay_to, town, starts_on, deadline, description, published_by, created_at)
                          VALUES (i.enterprise_id, i.school_id, i.kind, i.position, i.min_skill_rank, i.headcount,
                          i.pay_from, i.pay_to, i.town, i.starts_on, i.deadline, i.description, :by, :at)
                        """.formatted(STAGED, SAME_FIELDS))
                .param("k", c.key())
                .param("by", c.username())
                .param("at", OffsetDateTime.now(clock))
                .update();
        jdbc.sql("DELETE FROM posting_major WHERE EXISTS (SELECT 1 FROM " + STAGED
                        + " i WHERE i.pid = posting_major.posting_id" + " AND NOT "
                        + IN_STAGED.formatted("posting_major.major_id", "i.major_ids") + ")")
                .param("k", c.key())
                .update();
        jdbc.sql(
                        "INSERT INTO posting_major (posting_id, major_id) SELECT i.pid, mj.id FROM " + STAGED + " i"
                                + " JOIN major mj ON " + IN_STAGED.formatted("mj.id", "i.major_ids")
                                + " WHERE NOT EXISTS (SELECT 1 FROM posting_major x WHERE x.posting_id = i.pid AND x.major_id = mj.id)")
                .param("k", c.key())
                .update();
    }
}
