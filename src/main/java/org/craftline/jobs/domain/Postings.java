package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Postings written by their unit, or by a school for a unit without an account of its own; a school
 * hides one from its own students with the rule it breaks.
 */
@Service
public class Postings {

    private final JdbcClient jdbc;
    private final JobAccess access;
    private final PostingQueries queries;
    private final EnterprisesApi registry;
    private final EditVersions versions;
    private final AuditLog audit;
    private final Clock clock;
    private final PostingRules rules;

    Postings(
            JdbcClient jdbc,
            JobAccess access,
            PostingQueries queries,
            EnterprisesApi registry,
            EditVersions versions,
            AuditLog audit,
            Clock clock,
            PostingRules rules) {
        this.jdbc = jdbc;
        this.access = access;
        this.queries = queries;
        this.registry = registry;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
        this.rules = rules;
    }

    @Transactional
    public PostingView create(PostingForm form) {
        var user = access.user();
        long unit;
        Long school = null;
        if (user.role() == Role.ENTERPRISE && user.enterpriseId() != null) {
            unit = user.enterpriseId();
        } else {
            school = access.schoolToWrite(null);
            unit = unitWithoutAccount(form.enterpriseId());
        }
        List<Long> majors = check(form);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO posting (enterprise_id, school_id, kind, position, min_skill_rank, headcount, pay_from,
                          pay_to, town, starts_on, deadline, description, published_by, created_at)
                        VALUES (:unit, :school, :kind, :position, :rank, :headcount, :payFrom, :payTo, :town, :starts,
                          :deadline, :description, :by, :at)
                        """)
                .params(values(form))
                .param("unit", unit)
                .param("school", school)
                .param("by", user.username())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        saveMajors(id, majors);
        PostingView created = queries.get(id);
        audit.created("posting", String.valueOf(id), school, created);
        return created;
    }

    @Transactional
    public PostingView update(long id, PostingForm form) {
        PostingView before = queries.get(id);
        access.checkUnitWrite(before.enterpriseId(), before.schoolId());
        List<Long> majors = check(form);
        versions.claim("posting", id, form.version(), "posting", String.valueOf(id));
        jdbc.sql("""
                        UPDATE posting SET kind = :kind, position = :position, min_skill_rank = :rank,
                          headcount = :headcount, pay_from = :payFrom, pay_to = :payTo, town = :town,
                          starts_on = :starts, deadline = :deadline, description = :description
                        WHERE id = :id
                        """).params(values(form)).param("id", id).update();
        jdbc.sql("DELETE FROM posting_major WHERE posting_id = :id")
                .param("id", id)
                .update();
        saveMajors(id, majors);
        PostingView after = queries.get(id);
        audit.updated("posting", String.valueOf(id), before.schoolId(), before, after);
        return after;
    }

    /** Stops taking applications; those made stay. */
    @Transactional
    public PostingView close(long id, Integer version) {
        PostingView before = queries.get(id);
        access.checkUnitWrite(before.enterpriseId(), before.schoolId());
        versions.claim("posting", id, version, "posting", String.valueOf(id));
        jdbc.sql("UPDATE posting SET closed = TRUE WHERE id = :id")
                .param("id", id)
                .update();
        PostingView after = queries.get(id);
        audit.updated("posting", String.valueOf(id), before.schoolId(), before, after);
        return after;
    }

    /** The user's school keeps the posting from its students, e.g. pay below the local minimum wage. */
    @Transactional
    public PostingView hide(long id, String reason) {
        queries.get(id);
        long school = access.schoolToWrite(null);
        if (!StringUtils.hasText(reason) || reason.strip().length() > 500) {
            throw new InvalidFieldException("reason", "posting.hide.reason");
        }
        jdbc.sql("DELETE FROM posting_hidden WHERE posting_id = :id AND school_id = :s")
                .param("id", id)
                .param("s", school)
                .update();
        jdbc.sql("INSERT INTO posting_hidden (posting_id, school_id, reason, hidden_by, hidden_at)"
                        + " VALUES (:id, :s, :reason, :by, :at)")
                .param("id", id)
                .param("s", school)
                .param("reason", reason.strip())
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .update();
        audit.record("HIDE", "posting", String.valueOf(id), school, null, Map.of("reason", reason.strip()));
        return queries.get(id);
    }

    @Transactional
    public PostingView unhide(long id) {
        queries.get(id);
        long school = access.schoolToWrite(null);
        jdbc.sql("DELETE FROM posting_hidden WHERE posting_id = :id AND school_id = :s")
                .param("id", id)
                .param("s", school)
                .update();
        audit.record("UNHIDE", "posting", String.valueOf(id), school, null, null);
        return queries.get(id);
    }

    private long unitWithoutAccount(Long enterpriseId) {
        if (enterpriseId == null || registry.byId(enterpriseId).isEmpty()) {
            throw new InvalidFieldException("enterpriseId", "posting.enterprise.unknown");
        }
        if (access.hasAccount(enterpriseId)) {
            throw new InvalidFieldException("enterpriseId", "posting.enterprise.hasAccount");
        }
        return enterpriseId;
    }

    /** The wanted majors' ids; refuses the first broken rule (PostingRules, shared with the import). */
    private List<Long> check(PostingForm form) {
        PostingRules.Checked checked = rules.check(form);
        checked.problems().stream()
                .filter(p -> !p.constraint()) // the form's constraints are checked when it binds
                .findFirst()
                .ifPresent(p -> {
                    throw new InvalidFieldException(p.field(), p.messageKey());
                });
        return checked.majors();
    }

    private void saveMajors(long id, List<Long> majors) {
        for (long major : majors) {
            jdbc.sql("INSERT INTO posting_major (posting_id, major_id) VALUES (:p, :m)")
                    .param("p", id)
                    .param("m", major)
                    .update();
        }
    }

    private static Map<String, Object> values(PostingForm f) {
        var v = new java.util.HashMap<String, Object>();
        v.put("kind", f.kind().name());
        v.put("position", f.position().strip());
        v.put("rank", f.minSkillRank());
        v.put("headcount", f.headcount());
        v.put("payFrom", f.payFrom());
        v.put("payTo", f.payTo());
        v.put("town", StringUtils.hasText(f.town()) ? f.town().strip() : null);
        v.put("starts", f.startsOn());
        v.put("deadline", f.deadline());
        v.put(
                "description",
                StringUtils.hasText(f.description()) ? f.description().strip() : null);
        return v;
    }
}
