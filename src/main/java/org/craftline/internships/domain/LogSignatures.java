package org.craftline.internships.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two hands a weekly log passes through after the student: the enterprise mentor co-signs it
 * (an enterprise user, for its own unit's interns only), then the school's supervisor reviews it.
 */
@Service
public class LogSignatures {

    private final JdbcClient jdbc;
    private final PlacementQueries placements;
    private final LogQueries logs;
    private final InternshipAccess access;
    private final EditVersions versions;
    private final WeeklyLogs writes;
    private final Clock clock;

    LogSignatures(
            JdbcClient jdbc,
            PlacementQueries placements,
            LogQueries logs,
            InternshipAccess access,
            EditVersions versions,
            WeeklyLogs writes,
            Clock clock) {
        this.jdbc = jdbc;
        this.placements = placements;
        this.logs = logs;
        this.access = access;
        this.versions = versions;
        this.writes = writes;
        this.clock = clock;
    }

    @Transactional
    public LogView sign(long internshipId, long logId, Integer version) {
        LogView before = logs.get(internshipId, logId); // the unit's own intern's, or 404
        if (access.user().role() != Role.ENTERPRISE) {
            throw new AccessDeniedException("the enterprise mentor co-signs logs");
        }
        if (before.signed()) {
            throw new InvalidFieldException("version", "internship.log.signed");
        }
        versions.claim("internship_log", logId, version, "internship_log", String.valueOf(logId));
        jdbc.sql("UPDATE internship_log SET signed_by = :by, signed_at = :at WHERE id = :id")
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .param("id", logId)
                .update();
        return writes.audited(internshipId, before);
    }

    @Transactional
    public LogView review(long internshipId, long logId, ReviewForm form) {
        LogView before = logs.get(internshipId, logId);
        access.checkSchoolWrite(placements.schoolOf(internshipId));
        if (!before.signed()) {
            throw new InvalidFieldException("note", "internship.log.unsigned");
        }
        versions.claim("internship_log", logId, form.version(), "internship_log", String.valueOf(logId));
        String note = form.note() == null || form.note().isBlank()
                ? null
                : form.note().strip();
        jdbc.sql("UPDATE internship_log SET reviewed_by = :by, reviewed_at = :at, review_note = :note WHERE id = :id")
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .param("note", note)
                .param("id", logId)
                .update();
        return writes.audited(internshipId, before);
    }
}
