package org.craftline.social.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.TextSearch;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trainees of the schools in scope. ID numbers and phones leave this service masked; only an
 * administrator's deliberate reveal shows them, and every reveal is audited.
 */
@Service
public class Trainees {

    static final String SELECT = "t.id, sc.code AS school_code, sc.name AS school_name, t.name, t.id_number, t.gender,"
            + " EXTRACT(YEAR FROM t.birth_date) AS birth_year, t.birth_date, t.household, t.township, t.phone,"
            + " (SELECT COUNT(*) FROM enrolment e WHERE e.trainee_id = t.id) AS enrolments";
    static final String FROM = "trainee t JOIN school sc ON sc.id = t.school_id";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;

    Trainees(JdbcClient jdbc, Tenancy tenancy, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    /** Searches by name (part of it) and by the last four characters of the ID number (what the mask shows). */
    public record Filter(String q, String idTail) {}

    /** One enrolment of a trainee, for the trainee's history. */
    public record History(
            String cohortCode, String programmeName, java.time.LocalDate endsOn, boolean completed, Boolean employed) {}

    @Transactional(readOnly = true)
    public Paged<TraineeView> search(Filter f, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where = Where.of(scope.sql("t.school_id"), scope.params())
                .and(
                        "t.id_tail = :tail",
                        "tail",
                        f.idTail() == null ? null : f.idTail().strip().toUpperCase(Locale.ROOT));
        boolean postgres = SqlVendor.postgres(jdbc);
        TextSearch.apply(where, "q", f.q(), postgres, "trainee", "t", TextSearch.Source.own(null, "name"));
        List<String> order = List.of(TextSearch.byteOrder("t.name", postgres), "t.id");
        return SqlPages.fetch(
                        jdbc,
                        SELECT,
                        FROM,
                        where,
                        page,
                        Keyset.of(order, false, "t.id", TraineeView::id, page),
                        TraineeView.class)
                .map(TraineeView::masked);
    }

    @Transactional(readOnly = true)
    public TraineeView get(long id) {
        return find(id).masked();
    }

    @Transactional(readOnly = true)
    public List<History> history(long id) {
        find(id);
        return jdbc.sql("""
                        SELECT c.code AS cohort_code, p.name AS programme_name, c.ends_on, e.completed, e.employed
                        FROM enrolment e JOIN cohort c ON c.id = e.cohort_id JOIN programme p ON p.id = c.programme_id
                        WHERE e.trainee_id = :id ORDER BY c.starts_on DESC
                        """).param("id", id).query(History.class).list();
    }

    /** The unmasked ID number and phone, for an administrator who needs them; audited. */
    @Transactional
    public TraineeView reveal(long id) {
        TraineeView trainee = find(id);
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.SCHOOL_ADMIN) {
            throw new AccessDeniedException("only administrators reveal personal data");
        }
        long schoolId = jdbc.sql("SELECT school_id FROM trainee WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        audit.record("REVEAL", "trainee", String.valueOf(id), schoolId, null, Map.of("fields", "idNumber, phone"));
        return trainee;
    }

    private TraineeView find(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE t.id = :id AND " + scope.sql("t.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(TraineeView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("trainee", String.valueOf(id)));
    }
}
