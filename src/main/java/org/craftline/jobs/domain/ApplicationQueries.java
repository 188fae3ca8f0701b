package org.craftline.jobs.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.platform.Role;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applications a user reads: a posting's, a student's own, a school's students'. */
@Service
public class ApplicationQueries {

    static final String SELECT = "a.id, a.posting_id, p.position, p.enterprise_id, e.name AS enterprise_name,"
            + " s.student_number, s.name AS student_name, sc.name AS school_name, m.name AS major_name,"
            + " s.graduation_year, a.stage, a.stage_on, a.applied_at, a.version";
    static final String FROM = "job_application a JOIN posting p ON p.id = a.posting_id"
            + " JOIN enterprise e ON e.id = p.enterprise_id JOIN student s ON s.id = a.student_id"
            + " JOIN school sc ON sc.id = a.school_id JOIN major m ON m.id = s.major_id";

    private final JdbcClient jdbc;
    private final JobAccess access;

    ApplicationQueries(JdbcClient jdbc, JobAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public record Filter(Long postingId, ApplicationStage stage) {}

    @Transactional(readOnly = true)
    public Paged<ApplicationView> list(Filter f, PageQuery page) {
        var reach = access.applications();
        Where where = Where.of(reach.sql(), reach.params())
                .and("a.posting_id = :posting", "posting", f.postingId())
                .and(
                        "a.stage = :stage",
                        "stage",
                        f.stage() == null ? null : f.stage().name());
        return SqlPages.fetch(
                        jdbc,
                        SELECT,
                        FROM,
                        where,
                        page,
                        Keyset.of(List.of("a.applied_at", "a.id"), true, "a.id", ApplicationView::id, page),
                        ApplicationView.class)
                .map(this::shown);
    }

    @Transactional(readOnly = true)
    public ApplicationView get(long id) {
        var reach = access.applications();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE a.id = :id AND " + reach.sql())
                .params(reach.params())
                .param("id", id)
                .query(ApplicationView.class)
                .optional()
                .map(this::shown)
                .orElseThrow(() -> new NotFoundException("application", String.valueOf(id)));
    }

    /** A stage an application reached, when, with the note, and who recorded it. */
    public record StageEntry(
            ApplicationStage stage, LocalDate stageOn, String note, String recordedBy, OffsetDateTime recordedAt) {}

    @Transactional(readOnly = true)
    public List<StageEntry> history(long id) {
        get(id);
        return jdbc.sql("SELECT stage, stage_on, note, recorded_by, recorded_at FROM job_application_stage"
                        + " WHERE application_id = :id ORDER BY recorded_at, id")
                .param("id", id)
                .query(StageEntry.class)
                .list();
    }

    private ApplicationView shown(ApplicationView view) {
        return access.user().role() == Role.ENTERPRISE ? view.withoutNumber() : view;
    }
}
