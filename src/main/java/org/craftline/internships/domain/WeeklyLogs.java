package org.craftline.internships.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The student's weekly logs: written for a week of its own placement while it runs, changed (and
 * given photos) until the mentor has co-signed. Signing and review are in {@link LogSignatures}.
 */
@Service
public class WeeklyLogs {

    /** The photos one log may carry. */
    public static final int MAX_PHOTOS = 5;

    private final JdbcClient jdbc;
    private final PlacementQueries placements;
    private final LogQueries logs;
    private final InternshipAccess access;
    private final StoredFiles files;
    private final EditVersions versions;
    private final AuditLog audit;
    private final Clock clock;

    WeeklyLogs(
            JdbcClient jdbc,
            PlacementQueries placements,
            LogQueries logs,
            InternshipAccess access,
            StoredFiles files,
            EditVersions versions,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.placements = placements;
        this.logs = logs;
        this.access = access;
        this.files = files;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the student may write logs for the placement today. */
    public boolean open(PlacementView p) {
        return Stages.logsOpen(p.status(), p.startsOn(), LocalDate.now(clock));
    }

    /** The week a new log is for by default: this week, or the placement's last week once it is over. */
    public LocalDate defaultWeek(PlacementView p) {
        LocalDate today = LocalDate.now(clock);
        return Stages.mondayOf(today.isAfter(p.endsOn()) ? p.endsOn() : today);
    }

    @Transactional
    public LogView write(long internshipId, LogForm form, List<MultipartFile> photos) {
        PlacementView p = ownRunningPlacement(internshipId);
        checkWeek(p, form.weekOf(), null);
        List<MultipartFile> given = given(photos);
        checkPhotoCount(given.size());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO internship_log (internship_id, week_of, body, submitted_at)"
                        + " VALUES (:internship, :week, :body, :at)")
                .param("internship", internshipId)
                .param("week", form.weekOf())
                .param("body", form.body().strip())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        long logId = keys.getKeyAs(Long.class);
        given.forEach(photo -> store(logId, photo));
        LogView after = logs.get(internshipId, logId);
        audit.created("internship_log", String.valueOf(logId), placements.schoolOf(internshipId), after);
        return after;
    }

    @Transactional
    public LogView change(long internshipId, long logId, LogForm form) {
        LogView before = unsigned(internshipId, logId);
        checkWeek(placements.get(internshipId), form.weekOf(), logId);
        versions.claim("internship_log", logId, form.version(), "internship_log", String.valueOf(logId));
        jdbc.sql("UPDATE internship_log SET week_of = :week, body = :body, submitted_at = :at WHERE id = :id")
                .param("week", form.weekOf())
                .param("body", form.body().strip())
                .param("at", OffsetDateTime.now(clock))
                .param("id", logId)
                .update();
        return audited(internshipId, before);
    }

    @Transactional
    public LogView addPhoto(long internshipId, long logId, MultipartFile photo, Integer version) {
        LogView before = unsigned(internshipId, logId);
        checkPhotoCount(before.photos().size() + 1);
        versions.claim("internship_log", logId, version, "internship_log", String.valueOf(logId));
        store(logId, photo);
        return audited(internshipId, before);
    }

    /** Audits a change of a log (shared with {@link LogSignatures}) and returns the log as it now is. */
    LogView audited(long internshipId, LogView before) {
        LogView after = logs.get(internshipId, before.id());
        audit.updated("internship_log", String.valueOf(before.id()), placements.schoolOf(internshipId), before, after);
        return after;
    }

    /** The student's own log, not yet co-signed; 404 for another's. */
    private LogView unsigned(long internshipId, long logId) {
        ownRunningPlacement(internshipId);
        LogView log = logs.get(internshipId, logId);
        if (log.signed()) {
            throw new InvalidFieldException("body", "internship.log.signed");
        }
        return log;
    }

    private PlacementView ownRunningPlacement(long internshipId) {
        PlacementView p = placements.get(internshipId); // a student reaches only its own: 404 otherwise
        if (access.user().role() != Role.STUDENT) {
            throw new AccessDeniedException("the student writes its own logs");
        }
        if (!open(p)) {
            throw new InvalidFieldException("weekOf", "internship.log.closed");
        }
        return p;
    }

    private void checkWeek(PlacementView p, LocalDate weekOf, Long self) {
        String problem = Stages.weekProblem(weekOf, p.startsOn(), p.endsOn(), LocalDate.now(clock));
        if (problem != null) {
            throw new InvalidFieldException("weekOf", problem);
        }
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM internship_log WHERE internship_id = :id AND week_of = :week"
                                + " AND id <> :self")
                        .param("id", p.id())
                        .param("week", weekOf)
                        .param("self", self == null ? -1L : self)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw new InvalidFieldException("weekOf", "internship.log.week.taken");
        }
    }

    private static List<MultipartFile> given(List<MultipartFile> photos) {
        return photos == null
                ? List.of()
                : photos.stream().filter(f -> f != null && !f.isEmpty()).toList();
    }

    private static void checkPhotoCount(int count) {
        if (count > MAX_PHOTOS) {
            throw new InvalidFieldException("photo", "internship.photo.tooMany");
        }
    }

    private void store(long logId, MultipartFile photo) {
        StoredFiles.Stored stored = files.store(LogQueries.PHOTO, photo);
        jdbc.sql("INSERT INTO internship_log_photo (log_id, photo_name, photo_type, photo_path, bytes)"
                        + " VALUES (:log, :name, :type, :path, :bytes)")
                .param("log", logId)
                .param("name", stored.name())
                .param("type", stored.type())
                .param("path", stored.path())
                .param("bytes", photo.getSize())
                .update();
    }
}
