package org.craftline.internships.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The weekly logs a user reaches: a placement's, the supervisor's queue, the mentor's to co-sign. */
@Service
public class LogQueries {

    static final StoredFiles.Kind PHOTO =
            StoredFiles.Kind.picture("internship_log_photo", "photos", "photo", "internship.photo", 5L * 1024 * 1024);

    private static final String LOG = "id, internship_id, week_of, body, submitted_at, signed_by, signed_at,"
            + " reviewed_by, reviewed_at, review_note, version FROM internship_log";
    private static final String ENTRY = "l.id AS log_id, i.id AS internship_id, s.student_number,"
            + " s.name AS student_name, e.name AS enterprise_name, t.staff_number AS supervisor_number,"
            + " t.name AS supervisor_name, l.week_of, l.submitted_at, l.signed_at";
    private static final String ENTRY_FROM = "internship_log l JOIN internship i ON i.id = l.internship_id"
            + " JOIN student s ON s.id = i.student_id JOIN enterprise e ON e.id = i.enterprise_id"
            + " JOIN staff t ON t.id = i.supervisor_id";

    private final JdbcClient jdbc;
    private final PlacementQueries placements;
    private final InternshipAccess access;
    private final StoredFiles files;

    LogQueries(JdbcClient jdbc, PlacementQueries placements, InternshipAccess access, StoredFiles files) {
        this.jdbc = jdbc;
        this.placements = placements;
        this.access = access;
        this.files = files;
    }

    /** A placement's logs, newest week first; 404 when the placement is out of reach. */
    @Transactional(readOnly = true)
    public List<LogView> list(long internshipId) {
        placements.get(internshipId);
        List<LogView> logs = jdbc.sql("SELECT " + LOG + " WHERE internship_id = :id ORDER BY week_of DESC")
                .param("id", internshipId)
                .query(LogQueries::log)
                .list();
        Map<Long, List<LogView.Photo>> photos = jdbc
                .sql("""
                        SELECT p.log_id, p.id, p.photo_name, p.photo_type, p.bytes FROM internship_log_photo p
                        JOIN internship_log l ON l.id = p.log_id WHERE l.internship_id = :id ORDER BY p.id""")
                .param("id", internshipId)
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        new LogView.Photo(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return logs.stream()
                .map(l -> l.withPhotos(photos.getOrDefault(l.id(), List.of())))
                .toList();
    }

    /** One log of a placement; 404 when either is out of reach. */
    @Transactional(readOnly = true)
    public LogView get(long internshipId, long logId) {
        return list(internshipId).stream()
                .filter(l -> l.id() == logId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("log", String.valueOf(logId)));
    }

    /** A photo of a log to hand out, to anyone who reaches the placement. */
    @Transactional(readOnly = true)
    public StoredFiles.Download photo(long internshipId, long logId, long photoId) {
        boolean ofTheLog = get(internshipId, logId).photos().stream().anyMatch(p -> p.id() == photoId);
        if (!ofTheLog) {
            throw new NotFoundException("photo", String.valueOf(photoId));
        }
        return files.download(PHOTO, photoId);
    }

    /**
     * The supervisor's queue: logs of the school co-signed by the mentor and not yet reviewed, oldest
     * week first, for one supervisor (by staff number) or all.
     */
    @Transactional(readOnly = true)
    public Paged<LogEntry> awaitingReview(String supervisorNumber, PageQuery page) {
        if (!access.isSchoolSide()) {
            throw new AccessDeniedException("the school reviews logs");
        }
        String supervisor = supervisorNumber == null || supervisorNumber.isBlank() ? null : supervisorNumber.strip();
        Where where = reached()
                .andIf(true, "l.signed_at IS NOT NULL AND l.reviewed_at IS NULL")
                .and("t.staff_number = :supervisor", "supervisor", supervisor);
        return SqlPages.fetch(jdbc, ENTRY, ENTRY_FROM, where, "l.week_of, l.id", page, LogEntry.class);
    }

    /** The logs the user's interns wrote that wait for the mentor's signature, oldest week first. */
    @Transactional(readOnly = true)
    public Paged<LogEntry> awaitingSignature(PageQuery page) {
        Where where = reached().andIf(true, "l.signed_at IS NULL");
        return SqlPages.fetch(jdbc, ENTRY, ENTRY_FROM, where, "l.week_of, l.id", page, LogEntry.class);
    }

    private Where reached() {
        var reach = access.reach();
        return Where.of(reach.sql(), reach.params());
    }

    private static LogView log(ResultSet rs, int n) throws SQLException {
        return new LogView(
                rs.getLong("id"),
                rs.getLong("internship_id"),
                rs.getObject("week_of", java.time.LocalDate.class),
                rs.getString("body"),
                rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getString("signed_by"),
                rs.getObject("signed_at", OffsetDateTime.class),
                rs.getString("reviewed_by"),
                rs.getObject("reviewed_at", OffsetDateTime.class),
                rs.getString("review_note"),
                rs.getInt("version"),
                List.of());
    }
}
