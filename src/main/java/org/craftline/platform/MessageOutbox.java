package org.craftline.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The queue of messages that leave the application (email today), kept in the database
 * ({@code message_outbox}) so that a restart loses none. A message is queued in the transaction of the
 * notification it copies; the sender claims each due row for a while (so two instances never send the
 * same one at once), sends the claimed rows of a channel together through its {@link MessageGateway}
 * (email: over one connection) and marks those that went. A
 * failure waits a minute, then twice as long each time (up to six hours), until the last attempt
 * marks it failed.
 *
 * <p>Delivery is at least once: messages the server took just before the application stopped, not
 * yet marked sent (at most a batch of {@value #BATCH}), go again once their claim runs out, with the
 * same Message-ID.
 */
@Component
public class MessageOutbox {

    private static final Logger log = LoggerFactory.getLogger(MessageOutbox.class);

    /** Rows claimed at a time; a run sends at most {@value #BATCH} × {@value #BATCHES_PER_RUN}. */
    static final int BATCH = 50;

    static final int BATCHES_PER_RUN = 20;

    /** How long a claimed row is left to its sender (far longer than the SMTP timeouts). */
    static final Duration LEASE = Duration.ofMinutes(5);

    static final Duration FIRST_WAIT = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(6);

    /** Sent and failed rows are kept this long, then deleted. */
    static final Duration KEPT = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Map<String, MessageGateway> gateways;
    private final MessageSource messages;
    private final Clock clock;
    private final String publicUrl;
    private final int maxAttempts;

    MessageOutbox(
            JdbcClient jdbc,
            List<MessageGateway> gateways,
            MessageSource messages,
            Clock clock,
            @Value("${craftline.public-url}") String publicUrl,
            @Value("${craftline.mail.max-attempts}") int maxAttempts) {
        this.jdbc = jdbc;
        this.gateways = gateways.stream().collect(Collectors.toMap(MessageGateway::channel, Function.identity()));
        this.messages = messages;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.maxAttempts = maxAttempts;
    }

    /** Mail with links that are paths only cannot be followed: say so where the operator looks. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warnWithoutPublicUrl() {
        if (emailEnabled() && publicUrl.isEmpty()) {
            log.warn(
                    "Email is on but craftline.public-url (CRAFTLINE_PUBLIC_URL) is not set: links in mail are paths only");
        }
    }

    /** Whether this installation sends email (an SMTP server is configured). */
    public boolean emailEnabled() {
        return gateways.get(EmailGateway.CHANNEL).enabled();
    }

    /**
     * Queues an email to each user the statement selects (a column {@code id}) who has a confirmed
     * address and has not turned the kind off; answers how many. Nothing when email is not set up.
     */
    int queueEmail(
            String userIds,
            Map<String, ?> params,
            NotificationKind kind,
            String messageKey,
            String args,
            String link,
            OffsetDateTime at) {
        if (!emailEnabled()) {
            return 0;
        }
        return jdbc.sql("INSERT INTO message_outbox (user_id, channel, address, kind, message_key, args, link,"
                        + " created_at, next_attempt_at)"
                        + " SELECT u.id, :channel, u.email, :kind, :key, :args, :link, :at, :at"
                        + " FROM (" + userIds + ") t JOIN app_user u ON u.id = t.id"
                        + " WHERE u.email IS NOT NULL AND u.email_verified_at IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM notification_opt_out o WHERE o.user_id = u.id"
                        + " AND o.kind = :kind)")
                .params(params)
                .param("channel", EmailGateway.CHANNEL)
                .param("kind", kind.name())
                .param("key", messageKey)
                .param("args", args)
                .param("link", link)
                .param("at", at)
                .update();
    }

    /** Queues one email to an address that is not (yet) the user's confirmed one: the link confirming it. */
    void queueEmailTo(long userId, String address, NotificationKind kind, String messageKey, String link) {
        OffsetDateTime at = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO message_outbox (user_id, channel, address, kind, message_key, link, created_at,"
                        + " next_attempt_at) VALUES (:user, :channel, :address, :kind, :key, :link, :at, :at)")
                .param("user", userId)
                .param("channel", EmailGateway.CHANNEL)
                .param("address", address)
                .param("kind", kind.name())
                .param("key", messageKey)
                .param("link", link)
                .param("at", at)
                .update();
    }

    /** How many messages with this key were queued for the user since the time given. */
    int queuedSince(long userId, String messageKey, OffsetDateTime since) {
        return jdbc.sql("SELECT COUNT(*) FROM message_outbox WHERE user_id = :user AND created_at >= :since"
                        + " AND message_key = :key")
                .param("user", userId)
                .param("since", since)
                .param("key", messageKey)
                .query(Integer.class)
                .single();
    }

    @Scheduled(fixedDelayString = "${craftline.mail.poll}", initialDelayString = "${craftline.mail.poll}")
    void deliverDue() {
        deliverDue(OffsetDateTime.now(clock));
    }

    /** A row of the queue as the sender reads it. */
    record Due(
            long id,
            String channel,
            String address,
            String kind,
            String messageKey,
            String args,
            String link,
            int attempts) {}

    /**
     * Sends what is due at {@code now}; answers how many went. Statements commit one by one. The clock
     * moves on from {@code now} as the run goes (each batch claims from its own time), and the run stops
     * once half a lease has passed, so no claim runs out under a send.
     */
    int deliverDue(OffsetDateTime now) {
        List<String> open = gateways.values().stream()
                .filter(MessageGateway::enabled)
                .map(MessageGateway::channel)
                .toList();
        if (open.isEmpty()) {
            return 0;
        }
        dropStale(now);
        long start = System.nanoTime();
        int sent = 0;
        for (int batch = 0; batch < BATCHES_PER_RUN && !halfLeaseSince(start); batch++) {
            OffsetDateTime batchNow = now.plusNanos(System.nanoTime() - start);
            List<Due> due = jdbc.sql("SELECT id, channel, address, kind, message_key, args, link, attempts"
                            + " FROM message_outbox WHERE state = 'QUEUED' AND next_attempt_at <= :now"
                            + " AND (claimed_until IS NULL OR claimed_until < :now) AND channel IN (:channels)"
                            + " ORDER BY next_attempt_at, id FETCH FIRST " + BATCH + " ROWS ONLY")
                    .param("now", batchNow)
                    .param("channels", open)
                    .query(Due.class)
                    .list();
            List<Due> claimed = due.stream()
                    .filter(message -> claim(message.id(), batchNow))
                    .toList();
            long claimedAt = System.nanoTime();
            int went = 0;
            for (String channel : open) {
                went += deliver(
                        gateways.get(channel),
                        claimed.stream()
                                .filter(m -> m.channel().equals(channel))
                                .toList(),
                        batchNow,
                        claimedAt);
            }
            sent += went;
            // a batch of which nothing went: the server is away; the next poll tries again
            if (due.size() < BATCH || (went == 0 && !claimed.isEmpty())) {
                break;
            }
        }
        return sent;
    }

    private static boolean halfLeaseSince(long nanos) {
        return System.nanoTime() - nanos > LEASE.toNanos() / 2;
    }

    /**
     * Gives up the waiting messages whose address is no longer the user's confirmed one (changed or
     * removed since), but the link confirming the address it was sent to: nothing goes to an address
     * its user has taken back.
     */
    private void dropStale(OffsetDateTime now) {
        jdbc.sql("UPDATE message_outbox SET state = 'FAILED', claimed_until = NULL, last_error = :why"
                        + " WHERE state = 'QUEUED' AND next_attempt_at <= :now AND NOT EXISTS (SELECT 1 FROM app_user u"
                        + " WHERE u.id = message_outbox.user_id AND u.email = message_outbox.address"
                        + " AND (u.email_verified_at IS NOT NULL OR message_outbox.message_key = :verify))")
                .param("why", "the address is no longer the user's")
                .param("now", now)
                .param("verify", OwnEmail.VERIFY_KEY)
                .update();
    }

    /** Takes the row for this sender until the lease ends, counting the attempt; false when another has it. */
    private boolean claim(long id, OffsetDateTime now) {
        return jdbc.sql(
                                "UPDATE message_outbox SET claimed_until = :until, attempts = attempts + 1"
                                        + " WHERE id = :id AND state = 'QUEUED' AND (claimed_until IS NULL OR claimed_until < :now)")
                        .param("until", now.plus(LEASE))
                        .param("id", id)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** Sends the claimed messages of one channel together, marking each as it goes or fails. */
    private int deliver(MessageGateway gateway, List<Due> messages, OffsetDateTime now, long claimedAt) {
        Map<Long, Due> byId = new java.util.HashMap<>();
        List<MessageGateway.Outgoing> outgoing = new java.util.ArrayList<>();
        for (Due message : messages) {
            try {
                outgoing.add(render(message));
                byId.put(message.id(), message);
            } catch (RuntimeException unrendered) {
                failed(message, message.attempts() + 1, now, unrendered);
            }
        }
        int[] went = {0};
        gateway.sendAll(outgoing, new MessageGateway.Delivery() {
            @Override
            public void sent(long id) {
                jdbc.sql("UPDATE message_outbox SET state = 'SENT', sent_at = :now, claimed_until = NULL,"
                                + " last_error = NULL WHERE id = :id")
                        .param("now", now)
                        .param("id", id)
                        .update();
                went[0]++;
            }

            @Override
            public void failed(long id, Exception cause) {
                Due message = byId.get(id);
                MessageOutbox.this.failed(message, message.attempts() + 1, now, cause);
            }

            @Override
            public boolean expired() {
                return halfLeaseSince(claimedAt);
            }
        });
        return went[0];
    }

    private void failed(Due message, int attempt, OffsetDateTime now, Exception failure) {
        // the class only: an SMTP server's answer may name the address
        log.warn(
                "Message {} ({}) not sent, attempt {} of {}: {}",
                message.id(),
                message.channel(),
                attempt,
                maxAttempts,
                failure.getClass().getSimpleName());
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        jdbc.sql("UPDATE message_outbox SET state = :state, next_attempt_at = :next, claimed_until = NULL,"
                        + " last_error = :error WHERE id = :id")
                .param("state", attempt >= maxAttempts ? "FAILED" : "QUEUED")
                .param("next", now.plus(wait(attempt)))
                .param("error", error.length() > 300 ? error.substring(0, 300) : error)
                .param("id", message.id())
                .update();
    }

    /** The wait after the n-th failed attempt: a minute, doubling, at most six hours. */
    static Duration wait(int attempt) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** The message in Chinese, then in English (a mail has no reader's language), with the absolute link. */
    MessageGateway.Outgoing render(Due message) {
        Object[] args = message.args() == null || message.args().isEmpty()
                ? new Object[0]
                : message.args().split(Notifications.SEPARATOR, -1);
        String link = message.link() == null ? null : publicUrl + message.link();
        StringBuilder text = new StringBuilder();
        String[] subject = new String[2];
        int i = 0;
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            subject[i++] = messages.getMessage("notification.kind." + message.kind(), null, message.kind(), locale);
            text.append(messages.getMessage(message.messageKey(), args, message.messageKey(), locale))
                    .append('\n');
            if (link != null) {
                text.append(link).append('\n');
            }
            text.append('\n');
        }
        text.append("-- \n")
                .append(messages.getMessage("mail.footer", null, Locale.SIMPLIFIED_CHINESE))
                .append('\n')
                .append(messages.getMessage("mail.footer", null, Locale.ENGLISH))
                .append('\n');
        return new MessageGateway.Outgoing(
                message.id(), message.address(), "Craftline: " + subject[0] + " / " + subject[1], text.toString());
    }

    /** Deletes sent and failed rows older than {@link #KEPT}. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    int cleanUp() {
        return jdbc.sql("DELETE FROM message_outbox WHERE created_at < :before AND state <> 'QUEUED'")
                .param("before", OffsetDateTime.now(clock).minus(KEPT))
                .update();
    }
}
