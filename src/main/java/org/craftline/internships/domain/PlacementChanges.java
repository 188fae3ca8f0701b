package org.craftline.internships.domain;

import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** What happens to a placement after entry: its statuses, its signed files, its cover. */
@Service
public class PlacementChanges {

    private final JdbcClient jdbc;
    private final PlacementQueries queries;
    private final InternshipAccess access;
    private final StoredFiles files;
    private final EditVersions versions;
    private final StatusHistory history;
    private final AuditLog audit;

    PlacementChanges(
            JdbcClient jdbc,
            PlacementQueries queries,
            InternshipAccess access,
            StoredFiles files,
            EditVersions versions,
            StatusHistory history,
            AuditLog audit) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.access = access;
        this.files = files;
        this.versions = versions;
        this.history = history;
        this.audit = audit;
    }

    @Transactional
    public PlacementView changeStatus(long id, PlacementStatusForm form) {
        PlacementView before = claim(id, form.version());
        if (!before.status().mayBecome(form.status())) {
            throw new InvalidFieldException("status", "internship.status.notAllowed");
        }
        boolean early = form.status() == InternshipStatus.ENDED_EARLY;
        if (early && (form.reason() == null || form.reason().isBlank())) {
            throw new InvalidFieldException("reason", "internship.status.reasonRequired");
        }
        if (form.on().isBefore(before.startsOn().minusYears(1))
                || form.on().isAfter(before.endsOn().plusYears(1))) {
            throw new InvalidFieldException("on", "internship.date.range");
        }
        boolean ending = early || form.status() == InternshipStatus.ENDED;
        jdbc.sql("UPDATE internship SET status = :status, ended_on = :endedOn, end_reason = :reason WHERE id = :id")
                .param("status", form.status().name())
                .param("endedOn", ending ? form.on() : null)
                .param("reason", early ? form.reason().strip() : null)
                .param("id", id)
                .update();
        history.record(id, form.status(), form.on(), early ? form.reason().strip() : null);
        return audited(id, before);
    }

    /** Records the insurance and agreement as they now stand; a gap puts the placement at risk, never refuses. */
    @Transactional
    public PlacementView recordCover(long id, CoverForm form) {
        PlacementView before = claim(id, form.version());
        if (form.insuredTo().isBefore(form.insuredFrom())) {
            throw new InvalidFieldException("insuredTo", "internship.insurance.period");
        }
        jdbc.sql("UPDATE internship SET insurer = :insurer, policy_number = :policy, insured_from = :from,"
                        + " insured_to = :to, agreement_ends_on = :agreementEnds WHERE id = :id")
                .param("insurer", form.insurer().strip())
                .param("policy", form.policyNumber().strip())
                .param("from", form.insuredFrom())
                .param("to", form.insuredTo())
                .param("agreementEnds", form.agreementEndsOn())
                .param("id", id)
                .update();
        return audited(id, before);
    }

    /** Replaces the signed agreement (or, for a minor, the guardian's consent); PDF, PNG or JPEG. */
    @Transactional
    public PlacementView attach(long id, String which, MultipartFile file, Integer version) {
        StoredFiles.Kind kind = kind(which);
        PlacementView before = claim(id, version);
        files.attach(kind, id, file);
        return audited(id, before);
    }

    @Transactional(readOnly = true)
    public StoredFiles.Download download(long id, String which) {
        StoredFiles.Kind kind = kind(which);
        queries.get(id); // within reach, or 404
        return files.download(kind, id);
    }

    private static StoredFiles.Kind kind(String which) {
        return switch (which) {
            case "agreement" -> Placements.AGREEMENT;
            case "consent" -> Placements.CONSENT;
            default -> throw new org.craftline.shared.NotFoundException("file", which);
        };
    }

    private PlacementView claim(long id, Integer version) {
        PlacementView before = queries.get(id);
        access.checkSchoolWrite(queries.schoolOf(id));
        versions.claim("internship", id, version, "internship", String.valueOf(id));
        return before;
    }

    private PlacementView audited(long id, PlacementView before) {
        PlacementView after = queries.get(id);
        audit.updated("internship", String.valueOf(id), queries.schoolOf(id), before.audited(), after.audited());
        return after;
    }
}
