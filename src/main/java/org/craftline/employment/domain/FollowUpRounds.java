package org.craftline.employment.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.NotificationKind;
import org.craftline.platform.Notifications;
import org.craftline.platform.Scope;
import org.craftline.platform.SignedLinks;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up rounds, the school's side: a round asks every graduate of a year where it is at a
 * follow-up point, through a personal link ({@link FollowUpAnswers}); the school follows the response
 * rate by class and reminds those who have not answered; {@link FollowUpConfirmations} turns the
 * answers into destinations.
 */
@Service
public class FollowUpRounds {

    static final String LINK_PURPOSE = "follow-up";
    /** The latest a round may close: a round is a campaign of weeks, not a standing form. */
    static final int LONGEST_DAYS = 180;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Destinations destinations;
    private final SignedLinks links;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    FollowUpRounds(
            JdbcClient jdbc,
            Tenancy tenancy,
            Destinations destinations,
            SignedLinks links,
            Notifications notifications,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.tenancy = tenancy;
        this.destinations = destinations;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** A round to open: the graduating year, the point (six months, one year, three years), the closing day. */
    public record OpenForm(
            @NotNull @Min(2000) @Max(2100) Integer graduationYear,
            @NotNull FollowUp point,
            @NotNull LocalDate closesOn,
            @Size(max = 20) String schoolCode) {}

    public record RoundView(
            long id,
            String schoolCode,
            int graduationYear,
            String followUp,
            LocalDate openedOn,
            LocalDate closesOn,
            int requests,
            int answered,
            int confirmed,
            Double satisfaction) {

        public boolean open(LocalDate today) {
            return !closesOn.isBefore(today);
        }

        public double responseRate() {
            return requests == 0 ? 0 : (double) answered / requests;
        }
    }

    /** A class's response to a round (its class at the round's opening), or a major's among those without a class. */
    public record ClassRate(String className, String majorName, int requests, int answered, int reminded) {
        public double rate() {
            return requests == 0 ? 0 : (double) answered / requests;
        }
    }

    @Transactional
    public RoundView open(OpenForm form) {
        long school = tenancy.administeredSchool(form.schoolCode());
        if (form.point() != FollowUp.MONTHS_6 && form.point() != FollowUp.YEAR_1 && form.point() != FollowUp.YEAR_3) {
            throw new InvalidFieldException("point", "followUp.round.point");
        }
        LocalDate today = LocalDate.now(clock);
        if (form.closesOn().isBefore(today) || form.closesOn().isAfter(today.plusDays(LONGEST_DAYS))) {
            throw new InvalidFieldException("closesOn", "followUp.round.closesOn");
        }
        try {
            jdbc.sql("INSERT INTO follow_up_round (school_id, graduation_year, follow_up, opened_on, closes_on)"
                            + " VALUES (:school, :y, :p, :today, :closes)")
                    .param("school", school)
                    .param("y", form.graduationYear())
                    .param("p", form.point().name())
                    .param("today", today)
                    .param("closes", form.closesOn())
                    .update();
        } catch (DuplicateKeyException exists) {
            throw new InvalidFieldException("point", "followUp.round.exists");
        }
        long round = roundId(school, form);
        int asked = jdbc.sql("""
                        INSERT INTO follow_up_request (round_id, school_id, student_id, class_id)
                        SELECT :r, school_id, id, class_id FROM student
                        WHERE school_id = :school AND graduation_year = :y AND status = 'GRADUATED'
                        """)
                .param("r", round)
                .param("school", school)
                .param("y", form.graduationYear())
                .update();
        if (asked == 0) {
            throw new InvalidFieldException("graduationYear", "followUp.round.noGraduates");
        }
        audit.created("follow_up_round", String.valueOf(round), school, Map.of("form", form, "asked", asked));
        notifications.toStudents(
                "SELECT student_id FROM follow_up_request WHERE round_id = :round",
                Map.of("round", round),
                NotificationKind.FOLLOW_UP_REQUEST,
                "notify.followUp.request." + form.point(),
                List.of(form.graduationYear(), form.closesOn()),
                "/me");
        return round(round);
    }

    private long roundId(long school, OpenForm form) {
        return jdbc.sql("SELECT id FROM follow_up_round WHERE school_id = :school AND graduation_year = :y"
                        + " AND follow_up = :p")
                .param("school", school)
                .param("y", form.graduationYear())
                .param("p", form.point().name())
                .query(Long.class)
                .single();
    }

    /** The rounds the user may read, newest year first, with their counts; at most 200. */
    @Transactional(readOnly = true)
    public List<RoundView> rounds() {
        return views("", Map.of());
    }

    @Transactional(readOnly = true)
    public RoundView round(long id) {
        return views(" AND r.id = :id", Map.of("id", id)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("followUpRound", String.valueOf(id)));
    }

    private List<RoundView> views(String where, Map<String, ?> params) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT r.id, sc.code AS school_code, r.graduation_year, r.follow_up, r.opened_on,"
                        + " r.closes_on, COUNT(q.id) AS requests, COUNT(q.answered_at) AS answered,"
                        + " COUNT(q.confirmed_at) AS confirmed, AVG(CAST(q.satisfaction AS DOUBLE PRECISION))"
                        + " AS satisfaction FROM follow_up_round r JOIN school sc ON sc.id = r.school_id"
                        + " LEFT JOIN follow_up_request q ON q.round_id = r.id WHERE " + scope.sql("r.school_id")
                        + where + " GROUP BY r.id, sc.code, r.graduation_year, r.follow_up, r.opened_on, r.closes_on"
                        + " ORDER BY r.graduation_year DESC, r.follow_up, sc.code FETCH FIRST 200 ROWS ONLY")
                .params(scope.params())
                .params(params)
                .query(RoundView.class)
                .list();
    }

    /** The round's response by class and major, classes by name (graduates without a class, by major, last). */
    @Transactional(readOnly = true)
    public List<ClassRate> classes(long roundId) {
        round(roundId);
        return jdbc.sql("""
                        SELECT c.name AS class_name, m.name AS major_name, COUNT(*) AS requests,
                               COUNT(q.answered_at) AS answered, SUM(CASE WHEN q.reminders > 0 THEN 1 ELSE 0 END) AS reminded
                        FROM follow_up_request q JOIN student s ON s.id = q.student_id JOIN major m ON m.id = s.major_id
                        LEFT JOIN school_class c ON c.id = q.class_id
                        WHERE q.round_id = :r GROUP BY c.name, m.name ORDER BY c.name NULLS LAST, m.name
                        """).param("r", roundId).query(ClassRate.class).list();
    }

    /** Reminds every graduate of an open round who has not answered; answers how many. */
    @Transactional
    public int remind(long roundId) {
        RoundView round = round(roundId);
        long school = schoolOf(roundId);
        tenancy.checkAdministratorWrite(school);
        if (!round.open(LocalDate.now(clock))) {
            throw new InvalidFieldException("round", "followUp.round.closed");
        }
        int reminded = jdbc.sql("UPDATE follow_up_request SET reminders = reminders + 1, last_reminded_at = :now"
                        + " WHERE round_id = :r AND answered_at IS NULL")
                .param("now", OffsetDateTime.now(clock))
                .param("r", roundId)
                .update();
        audit.record("REMIND", "follow_up_round", String.valueOf(roundId), school, null, Map.of("reminded", reminded));
        notifications.toStudents(
                "SELECT student_id FROM follow_up_request WHERE round_id = :round AND answered_at IS NULL",
                Map.of("round", roundId),
                NotificationKind.FOLLOW_UP_REMINDER,
                "notify.followUp.reminder." + round.followUp(),
                List.of(round.graduationYear(), round.closesOn()),
                "/me");
        return reminded;
    }

    /**
     * The personal links of the graduates who have not answered, as CSV lines (student number, name,
     * class, the link under {@code base}), written as they are read; the office sends them by its own channels.
     */
    @Transactional
    public void unansweredLinks(long roundId, String base, java.util.function.Consumer<List<String>> line) {
        round(roundId);
        long school = schoolOf(roundId);
        tenancy.checkAdministratorWrite(school);
        // whoever holds a link answers for its graduate: who handed them out is kept
        audit.record("EXPORT_LINKS", "follow_up_round", String.valueOf(roundId), school, null, null);
        jdbc.sql("""
                        SELECT q.id, s.student_number, s.name, c.name AS class_name FROM follow_up_request q
                        JOIN student s ON s.id = q.student_id LEFT JOIN school_class c ON c.id = q.class_id
                        WHERE q.round_id = :r AND q.answered_at IS NULL ORDER BY s.student_number
                        """).param("r", roundId).query((RowCallbackHandler) rs -> line.accept(List.of(
                rs.getString("student_number"),
                rs.getString("name"),
                rs.getString("class_name") == null ? "" : rs.getString("class_name"),
                base + FollowUpAnswers.path(links.sign(LINK_PURPOSE, rs.getLong("id"))))));
    }

    long schoolOf(long roundId) {
        return jdbc.sql("SELECT school_id FROM follow_up_round WHERE id = :r")
                .param("r", roundId)
                .query(Long.class)
                .single();
    }
}
