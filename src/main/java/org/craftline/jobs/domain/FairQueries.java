package org.craftline.jobs.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.platform.Role;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The fairs a user reaches, one fair with its figures, units and booths, registrations and offers. */
@Service
public class FairQueries {

    static final String SELECT = "f.id, sc.code AS school_code, sc.name AS school_name, f.name, f.held_on, f.place,"
            + " f.status, f.version";
    static final String FROM = "job_fair f JOIN school sc ON sc.id = f.school_id";
    static final String OFFERS = """
            SELECT o.id, u.enterprise_id, e.name AS enterprise_name, u.booth, s.student_number,
                   s.name AS student_name, o.posting_id, p.position, o.offered_on,
                   CASE WHEN o.application_id IS NULL THEN FALSE ELSE TRUE END AS application_offered
            FROM job_fair_offer o JOIN job_fair_unit u ON u.id = o.fair_unit_id
            JOIN enterprise e ON e.id = u.enterprise_id JOIN student s ON s.id = o.student_id
            JOIN posting p ON p.id = o.posting_id
            WHERE u.fair_id = :fair""";

    static final String REGISTRATIONS = """
            SELECT s.student_number, s.name AS student_name, cl.name AS class_name, r.registered,
                   r.registered_at, r.attended
            FROM job_fair_registration r JOIN student s ON s.id = r.student_id
            LEFT JOIN school_class cl ON cl.id = s.class_id
            WHERE r.fair_id = :fair""";

    private final JdbcClient jdbc;
    private final FairAccess access;

    FairQueries(JdbcClient jdbc, FairAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public Paged<FairViews.FairView> list(FairStatus status, String q, PageQuery page) {
        var reach = access.reach();
        Where where = Where.of(reach.sql(), reach.params())
                .and("f.status = :status", "status", status == null ? null : status.name())
                .contains(q, "f.name", "f.place");
        return SqlPages.fetch(
                jdbc,
                SELECT,
                FROM,
                where,
                page,
                Keyset.of(List.of("f.held_on", "f.id"), true, "f.id", FairViews.FairView::id, page),
                FairViews.FairView.class);
    }

    @Transactional(readOnly = true)
    public FairViews.FairView get(long id) {
        var reach = access.reach();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE f.id = :id AND " + reach.sql())
                .params(reach.params())
                .param("id", id)
                .query(FairViews.FairView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("fair", String.valueOf(id)));
    }

    /** The fair as the user may see it: everyone its units and figures; offers as far as they are the user's. */
    @Transactional(readOnly = true)
    public FairViews.FairDetail detail(long id) {
        FairViews.FairView fair = get(id);
        return new FairViews.FairDetail(fair, figures(id), units(id), visibleOffers(id), ownRegistration(id));
    }

    @Transactional(readOnly = true)
    public FairViews.FairFigures figures(long id) {
        get(id);
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM job_fair_unit u WHERE u.fair_id = :fair) AS units,
                          (SELECT COUNT(*) FROM job_fair_posting fp JOIN job_fair_unit u ON u.id = fp.fair_unit_id
                            WHERE u.fair_id = :fair) AS postings,
                          (SELECT COALESCE(SUM(p.headcount), 0) FROM job_fair_posting fp
                            JOIN job_fair_unit u ON u.id = fp.fair_unit_id JOIN posting p ON p.id = fp.posting_id
                            WHERE u.fair_id = :fair) AS places,
                          (SELECT COUNT(*) FROM job_fair_registration r WHERE r.fair_id = :fair AND r.registered)
                            AS registrations,
                          (SELECT COUNT(*) FROM job_fair_registration r WHERE r.fair_id = :fair AND r.attended)
                            AS attended,
                          (SELECT COUNT(*) FROM job_fair_offer o JOIN job_fair_unit u ON u.id = o.fair_unit_id
                            WHERE u.fair_id = :fair) AS offers
                        """)
                .param("fair", id)
                .query(FairViews.FairFigures.class)
                .single();
    }

    /** The units at their booths with the postings they bring, in booth order. */
    @Transactional(readOnly = true)
    public List<FairViews.FairUnit> units(long id) {
        get(id);
        Map<Long, FairViews.FairUnit> units = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT u.enterprise_id, e.name AS enterprise_name, u.booth, p.id AS posting_id, p.position,
                               p.kind, p.headcount, p.town
                        FROM job_fair_unit u JOIN enterprise e ON e.id = u.enterprise_id
                        LEFT JOIN job_fair_posting fp ON fp.fair_unit_id = u.id
                        LEFT JOIN posting p ON p.id = fp.posting_id
                        WHERE u.fair_id = :fair ORDER BY u.booth, u.id, p.position, p.id""")
                .param("fair", id)
                .query((rs, i) -> {
                    var unit = units.computeIfAbsent(rs.getLong("enterprise_id"), k -> unit(k, rs));
                    long posting = rs.getLong("posting_id");
                    if (!rs.wasNull()) {
                        unit.postings()
                                .add(new FairViews.FairPosting(
                                        posting,
                                        rs.getString("position"),
                                        rs.getString("kind"),
                                        rs.getInt("headcount"),
                                        rs.getString("town")));
                    }
                    return unit;
                })
                .list();
        return List.copyOf(units.values());
    }

    private static FairViews.FairUnit unit(long enterpriseId, java.sql.ResultSet rs) {
        try {
            return new FairViews.FairUnit(
                    enterpriseId, rs.getString("enterprise_name"), rs.getString("booth"), new ArrayList<>());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registered and attending students: the school's and the bureau's to read. */
    @Transactional(readOnly = true)
    public List<FairViews.FairRegistration> registrations(long id) {
        get(id);
        if (!access.seesWholeFair()) {
            throw new AccessDeniedException("registrations are the school's");
        }
        return jdbc.sql(REGISTRATIONS + " ORDER BY s.school_id, s.student_number")
                .param("fair", id)
                .query(FairViews.FairRegistration.class)
                .list();
    }

    /** The offers the user may see: all to the school and the bureau, its unit's to an enterprise, its own to a student. */
    @Transactional(readOnly = true)
    public List<FairViews.FairOffer> offers(long id) {
        get(id);
        return visibleOffers(id);
    }

    private List<FairViews.FairOffer> visibleOffers(long id) {
        var user = access.user();
        String mine = access.seesWholeFair()
                ? ""
                : user.role() == Role.ENTERPRISE ? " AND u.enterprise_id = :who" : " AND o.student_id = :who";
        Long who = user.role() == Role.ENTERPRISE ? user.enterpriseId() : user.studentId();
        var statement = jdbc.sql(OFFERS + mine + " ORDER BY o.offered_on, o.id").param("fair", id);
        if (!mine.isEmpty()) {
            statement = statement.param("who", who == null ? -1L : who);
        }
        List<FairViews.FairOffer> offers =
                statement.query(FairViews.FairOffer.class).list();
        // a unit never sees a student number (as with its applicants): the student tells it at the booth
        return user.role() == Role.ENTERPRISE
                ? offers.stream().map(FairViews.FairOffer::withoutStudentNumber).toList()
                : offers;
    }

    private FairViews.FairRegistration ownRegistration(long id) {
        var user = access.user();
        if (user.role() != Role.STUDENT || user.studentId() == null) {
            return null;
        }
        return jdbc.sql(REGISTRATIONS + " AND r.student_id = :student")
                .param("fair", id)
                .param("student", user.studentId())
                .query(FairViews.FairRegistration.class)
                .optional()
                .orElse(null);
    }

    /**
     * The school of a fair its administrator changes: 404 when out of reach, 403 for anyone but the
     * school's administrators, refused at the given field once the fair is cancelled.
     */
    long administeredOpenFair(long id, String field) {
        FairViews.FairView fair = get(id);
        long schoolId = schoolOf(id);
        access.checkAdministratorWrite(schoolId);
        if (fair.status() == FairStatus.CANCELLED) {
            throw new org.craftline.shared.InvalidFieldException(field, "fair.cancelled");
        }
        return schoolId;
    }

    /** The school a fair belongs to, for checking a change; 404 when out of reach. */
    long schoolOf(long id) {
        return jdbc.sql("SELECT school_id FROM job_fair WHERE id = :id")
                .param("id", get(id).id())
                .query(Long.class)
                .single();
    }
}
