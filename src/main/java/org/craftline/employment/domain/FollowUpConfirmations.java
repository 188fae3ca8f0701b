package org.craftline.employment.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.Notifications;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The answers to follow-up rounds waiting for the school, and their confirmation: each becomes the
 * graduate's destination at the round's point, as the graduate's own report.
 */
@Service
public class FollowUpConfirmations {

    /** The answers one "confirm all" takes, so that one request stays bounded. */
    static final int CONFIRM_AT_ONCE = 2_000;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final FollowUpRounds rounds;
    private final Destinations destinations;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate eachAnswer;

    FollowUpConfirmations(
            JdbcClient jdbc,
            Tenancy tenancy,
            FollowUpRounds rounds,
            Destinations destinations,
            Notifications notifications,
            AuditLog audit,
            Clock clock,
            PlatformTransactionManager transactions) {
        // each answer of a confirm-all in a savepoint of its own: one that no longer holds is left pending
        this.eachAnswer = new TransactionTemplate(transactions);
        this.eachAnswer.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.rounds = rounds;
        this.destinations = destinations;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** An answer waiting for the school's confirmation. */
    public record PendingAnswer(
            long requestId,
            long studentId,
            String studentNumber,
            String name,
            int graduationYear,
            String followUp,
            String kind,
            String employer,
            String position,
            String town,
            Integer satisfaction,
            OffsetDateTime answeredAt) {}

    /** Answers not yet confirmed, oldest first, of one round or all the user may read; by keyset pages. */
    @Transactional(readOnly = true)
    public Paged<PendingAnswer> pending(Long roundId, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where = Where.of(scope.sql("q.school_id"), scope.params())
                .and("q.round_id = :round", "round", roundId)
                .andIf(true, "q.confirmed_at IS NULL AND q.answered_at IS NOT NULL");
        return SqlPages.fetch(
                jdbc,
                "q.id AS request_id, s.id AS student_id, s.student_number, s.name, r.graduation_year, r.follow_up,"
                        + " q.kind, COALESCE(e.name, q.employer_name) AS employer, q.position, q.town, q.satisfaction,"
                        + " q.answered_at",
                "follow_up_request q JOIN follow_up_round r ON r.id = q.round_id JOIN student s ON s.id = q.student_id"
                        + " LEFT JOIN enterprise e ON e.id = q.enterprise_id",
                "follow_up_request q",
                where,
                null,
                page,
                Keyset.of(List.of("q.answered_at", "q.id"), false, "q.id", PendingAnswer::requestId, page),
                PendingAnswer.class);
    }

    /** What a confirm-all did: the answers confirmed, and those left pending because they no longer hold. */
    public record ConfirmedAll(int confirmed, int skipped) {}

    /**
     * Confirms the round's answers still waiting, oldest first, at most {@value #CONFIRM_AT_ONCE}. An
     * answer that no longer holds (it contradicts what is recorded now) is rolled back to its own
     * savepoint and left pending for the office to handle one by one; the others are confirmed.
     */
    @Transactional
    public ConfirmedAll confirmAll(long roundId) {
        rounds.round(roundId);
        tenancy.checkAdministratorWrite(rounds.schoolOf(roundId));
        List<Long> waiting = jdbc.sql("SELECT id FROM follow_up_request WHERE round_id = :r AND confirmed_at IS NULL"
                        + " AND answered_at IS NOT NULL ORDER BY answered_at, id FETCH FIRST " + CONFIRM_AT_ONCE
                        + " ROWS ONLY")
                .param("r", roundId)
                .query(Long.class)
                .list();
        int skipped = 0;
        for (long id : waiting) {
            try {
                eachAnswer.executeWithoutResult(status -> confirm(id));
            } catch (InvalidFieldException
                    | InvalidFieldsException
                    | ConflictException
                    | DataIntegrityViolationException invalid) {
                skipped++;
            }
        }
        return new ConfirmedAll(waiting.size() - skipped, skipped);
    }

    /** The school accepts an answer: it becomes the graduate's destination at the round's point. */
    @Transactional
    public DestinationView confirm(long requestId) {
        Answer a = answer(requestId);
        tenancy.checkAdministratorWrite(a.schoolId());
        // the claim first: of two confirmations at once, the second finds it taken
        int claimed = jdbc.sql("UPDATE follow_up_request SET confirmed_at = :now WHERE id = :id"
                        + " AND answered_at IS NOT NULL AND confirmed_at IS NULL")
                .param("now", OffsetDateTime.now(clock))
                .param("id", requestId)
                .update();
        if (claimed == 0) {
            throw new InvalidFieldException("requestId", "destination.nothingToConfirm");
        }
        FollowUp point = FollowUp.valueOf(a.followUp());
        int seen = jdbc.sql(
                        "SELECT COALESCE(MAX(version), 0) FROM destination WHERE student_id = :s AND follow_up = :p")
                .param("s", a.studentId())
                .param("p", point.name())
                .query(Integer.class)
                .single();
        var form = new DestinationForm(
                point,
                a.answeredAt().toLocalDate(),
                DestinationKind.valueOf(a.kind()),
                a.enterpriseId(),
                a.employerName(),
                a.position(),
                a.inCounty(),
                null,
                null,
                new EmploymentTerms(
                        a.channel() == null ? null : Channel.valueOf(a.channel()),
                        a.sector() == null ? null : Sector.valueOf(a.sector()),
                        a.payBand() == null ? null : PayBand.valueOf(a.payBand()),
                        a.contract(),
                        a.insured(),
                        a.abroad()),
                seen);
        DestinationView recorded = destinations.record(a.studentId(), form, "SELF_REPORT");
        audit.record("CONFIRM", "follow_up_request", String.valueOf(requestId), a.schoolId(), null, recorded);
        SelfReports.notifyConfirmed(notifications, a.studentId());
        return recorded;
    }

    record Answer(
            long studentId,
            long schoolId,
            String followUp,
            OffsetDateTime answeredAt,
            String kind,
            Long enterpriseId,
            String employerName,
            String position,
            Boolean inCounty,
            String channel,
            String sector,
            String payBand,
            Boolean contract,
            Boolean insured,
            Boolean abroad) {}

    private Answer answer(long requestId) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT q.student_id, q.school_id, r.follow_up, q.answered_at, q.kind,"
                        + " q.enterprise_id, q.employer_name, q.position, q.in_county, q.channel, q.sector, q.pay_band,"
                        + " q.contract, q.insured, q.abroad FROM follow_up_request q"
                        + " JOIN follow_up_round r ON r.id = q.round_id WHERE q.id = :id AND "
                        + scope.sql("q.school_id"))
                .params(scope.params())
                .param("id", requestId)
                .query(Answer.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("followUpAnswer", String.valueOf(requestId)));
    }
}
