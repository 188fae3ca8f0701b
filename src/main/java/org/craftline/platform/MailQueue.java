package org.craftline.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail queue as the system administrator sees it ({@code /admin/mail}): how many messages wait,
 * went or were given up, and putting those given up back once the mail server is fixed. The sending
 * itself is {@link MessageOutbox}.
 */
@Service
public class MailQueue {

    /** How far back the operator's retry reaches. */
    static final Duration RETRIED = Duration.ofDays(3);

    private final JdbcClient jdbc;
    private final MessageOutbox outbox;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;

    MailQueue(JdbcClient jdbc, MessageOutbox outbox, Tenancy tenancy, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The queue as the operator sees it: how many in each state, the next due, the latest given up. */
    public record QueueState(
            boolean emailEnabled, List<StateCount> counts, OffsetDateTime nextDue, List<Failure> failed) {}

    public record StateCount(String channel, String state, long messages) {}

    /** A message given up, its address masked (the first character and the domain). */
    public record Failure(
            long id,
            String channel,
            String address,
            String kind,
            int attempts,
            OffsetDateTime createdAt,
            String lastError) {}

    @Transactional(readOnly = true)
    public QueueState state() {
        tenancy.scope().checkWriteShared();
        List<StateCount> counts = jdbc.sql("SELECT channel, state, COUNT(*) AS messages FROM message_outbox"
                        + " GROUP BY channel, state ORDER BY channel, state")
                .query(StateCount.class)
                .list();
        OffsetDateTime next = jdbc.sql("SELECT MIN(next_attempt_at) FROM message_outbox WHERE state = 'QUEUED'")
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
        List<Failure> failed = jdbc.sql("SELECT id, channel, address, kind, attempts, created_at, last_error"
                        + " FROM message_outbox WHERE state = 'FAILED' ORDER BY id DESC FETCH FIRST 20 ROWS ONLY")
                .query((rs, n) -> {
                    String address = rs.getString("address");
                    String error = rs.getString("last_error");
                    return new Failure(
                            rs.getLong("id"),
                            rs.getString("channel"),
                            masked(address),
                            rs.getString("kind"),
                            rs.getInt("attempts"),
                            rs.getObject("created_at", OffsetDateTime.class),
                            error == null
                                    ? null
                                    : error.replaceAll(
                                            "(?i)" + java.util.regex.Pattern.quote(address), masked(address)));
                })
                .list();
        return new QueueState(outbox.emailEnabled(), counts, next, failed);
    }

    /**
     * Puts the messages given up in the last {@link #RETRIED} back in the queue, due now, their attempts
     * counted afresh (older news is stale); answers how many. A message whose address is no longer its
     * user's is given up again at once.
     */
    @Transactional
    public int retryFailed() {
        tenancy.scope().checkWriteShared();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int retried = jdbc.sql("UPDATE message_outbox SET state = 'QUEUED', attempts = 0, next_attempt_at = :now,"
                        + " claimed_until = NULL WHERE state = 'FAILED' AND created_at >= :since")
                .param("now", now)
                .param("since", now.minus(RETRIED))
                .update();
        audit.record("RETRY", "message_outbox", "FAILED", null, null, Map.of("retried", retried));
        return retried;
    }

    /** {@code t***@example.cn}: enough for the operator to tell messages apart, not to write to the person. */
    static String masked(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
