package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The school administrator's fairs: planned, changed (versioned), and the units at their booths with their postings. */
@Service
public class Fairs {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final JdbcClient jdbc;
    private final FairQueries queries;
    private final FairAccess access;
    private final EditVersions versions;
    private final AuditLog audit;
    private final Clock clock;

    Fairs(JdbcClient jdbc, FairQueries queries, FairAccess access, EditVersions versions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.access = access;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public FairViews.FairView create(FairForms.FairForm form) {
        long schoolId = access.schoolFor(form.schoolCode());
        checkDate(form.heldOn());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO job_fair (school_id, name, held_on, place, status, created_by, created_at)
                        VALUES (:school, :name, :heldOn, :place, :status, :by, :at)""")
                .params(values(form))
                .param("school", schoolId)
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        FairViews.FairView created = queries.get(keys.getKeyAs(Long.class));
        audit.created("job_fair", String.valueOf(created.id()), schoolId, created.audited());
        return created;
    }

    @Transactional
    public FairViews.FairView update(long id, FairForms.FairForm form) {
        FairViews.FairView before = queries.get(id);
        long schoolId = queries.schoolOf(id);
        access.checkAdministratorWrite(schoolId);
        versions.claim("job_fair", id, form.version(), "job_fair", String.valueOf(id));
        checkDate(form.heldOn());
        jdbc.sql("UPDATE job_fair SET name = :name, held_on = :heldOn, place = :place, status = :status WHERE id = :id")
                .params(values(form))
                .param("id", id)
                .update();
        FairViews.FairView after = queries.get(id);
        audit.updated("job_fair", String.valueOf(id), schoolId, before.audited(), after.audited());
        return after;
    }

    /** Puts a unit at its booth with the postings it brings; a unit already there gets the booth and postings given. */
    @Transactional
    public FairViews.FairUnit putUnit(long fairId, FairForms.FairUnitForm form) {
        long schoolId = queries.administeredOpenFair(fairId, "enterpriseId");
        if (jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE id = :e")
                        .param("e", form.enterpriseId())
                        .query(Long.class)
                        .single()
                == 0) {
            throw new InvalidFieldException("enterpriseId", "fair.unit.unknown");
        }
        String booth = form.booth().strip();
        checkBoothFree(fairId, form.enterpriseId(), booth);
        List<Long> postings = checkedPostings(schoolId, form);
        long unitId = unitRow(fairId, form.enterpriseId(), booth);
        jdbc.sql("DELETE FROM job_fair_posting WHERE fair_unit_id = :u")
                .param("u", unitId)
                .update();
        postings.forEach(p -> jdbc.sql("INSERT INTO job_fair_posting (fair_unit_id, posting_id) VALUES (:u, :p)")
                .param("u", unitId)
                .param("p", p)
                .update());
        audit.record(
                "PUT",
                "job_fair_unit",
                fairId + "/" + form.enterpriseId(),
                schoolId,
                null,
                Map.of("booth", booth, "postings", postings));
        return queries.units(fairId).stream()
                .filter(u -> u.enterpriseId() == form.enterpriseId())
                .findFirst()
                .orElseThrow();
    }

    private void checkBoothFree(long fairId, long enterpriseId, String booth) {
        if (jdbc.sql("SELECT COUNT(*) FROM job_fair_unit WHERE fair_id = :f AND booth = :b AND enterprise_id <> :e")
                        .param("f", fairId)
                        .param("b", booth)
                        .param("e", enterpriseId)
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidFieldException("booth", "fair.booth.taken");
        }
    }

    /** The unit's own open postings, published by it or by this school, not hidden by this school. */
    private List<Long> checkedPostings(long schoolId, FairForms.FairUnitForm form) {
        List<Long> ids = form.postingIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(form.postingIds()));
        for (Long posting : ids) {
            long fits = jdbc.sql("""
                            SELECT COUNT(*) FROM posting p WHERE p.id = :p AND p.enterprise_id = :e AND NOT p.closed
                              AND (p.school_id IS NULL OR p.school_id = :s)
                              AND NOT EXISTS (SELECT 1 FROM posting_hidden h WHERE h.posting_id = p.id
                                              AND h.school_id = :s)""")
                    .param("p", posting)
                    .param("e", form.enterpriseId())
                    .param("s", schoolId)
                    .query(Long.class)
                    .single();
            if (fits == 0) {
                throw new InvalidFieldException("postingIds", "fair.posting.notTheUnits");
            }
        }
        return ids;
    }

    private long unitRow(long fairId, long enterpriseId, String booth) {
        var existing = jdbc.sql("SELECT id FROM job_fair_unit WHERE fair_id = :f AND enterprise_id = :e")
                .param("f", fairId)
                .param("e", enterpriseId)
                .query(Long.class)
                .optional();
        if (existing.isPresent()) {
            jdbc.sql("UPDATE job_fair_unit SET booth = :b WHERE id = :id")
                    .param("b", booth)
                    .param("id", existing.get())
                    .update();
            return existing.get();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO job_fair_unit (fair_id, enterprise_id, booth, added_by, added_at)
                        VALUES (:f, :e, :b, :by, :at)""")
                .param("f", fairId)
                .param("e", enterpriseId)
                .param("b", booth)
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private static Map<String, Object> values(FairForms.FairForm form) {
        FairStatus status = form.status() == null ? FairStatus.PLANNED : form.status();
        return Map.of(
                "name", form.name().strip(),
                "heldOn", form.heldOn(),
                "place", form.place().strip(),
                "status", status.name());
    }

    private static void checkDate(LocalDate day) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new InvalidFieldException("heldOn", "fair.date.range");
        }
    }
}
