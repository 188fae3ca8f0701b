package org.craftline.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every user's own address for notifications by email. A new address gets a message with a link that
 * confirms it; until the link is opened no other mail goes there (so nobody can have the school mail
 * someone else). The link names the address it was sent to and stops working once the address
 * changes. At most {@value #MAX_PER_DAY} such links a day, so the form cannot be used to send mail
 * to strangers.
 */
@Service
public class OwnEmail {

    static final int MAX_PER_DAY = 5;
    static final int MAX_LENGTH = 254;
    static final String VERIFY_KEY = "notify.email.verify";

    /** One @, no spaces or control characters, a dot in the domain. */
    private static final Pattern ADDRESS =
            Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}.]+");

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final MessageOutbox outbox;
    private final SignedLinks links;
    private final AuditLog audit;
    private final Clock clock;

    OwnEmail(JdbcClient jdbc, Tenancy tenancy, MessageOutbox outbox, SignedLinks links, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.outbox = outbox;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    /** The signed-in user's address (null when none), whether it is confirmed, and whether email is sent at all. */
    public record State(String email, boolean confirmed, boolean mailEnabled) {}

    @Transactional(readOnly = true)
    public State state() {
        return jdbc.sql("SELECT email, email_verified_at FROM app_user WHERE id = :me")
                .param("me", tenancy.currentUser().id())
                .query((rs, n) -> new State(
                        rs.getString("email"), rs.getObject("email_verified_at") != null, outbox.emailEnabled()))
                .single();
    }

    /**
     * Sets the signed-in user's address (blank removes it) and sends the link that confirms it. The
     * same address again sends the link again, unless it is confirmed already.
     */
    @Transactional
    public State change(String email) {
        CurrentUser me = tenancy.currentUser();
        String address = email == null ? "" : email.strip();
        if (address.isEmpty()) {
            jdbc.sql("UPDATE app_user SET email = NULL, email_verified_at = NULL WHERE id = :me")
                    .param("me", me.id())
                    .update();
            audit.record("EMAIL_REMOVE", "user", me.username(), me.schoolId(), null, null);
            return state();
        }
        if (address.length() > MAX_LENGTH || !ADDRESS.matcher(address).matches()) {
            throw new InvalidFieldException("email", "email.invalid");
        }
        State now = state();
        if (address.equalsIgnoreCase(now.email()) && now.confirmed()) {
            return now;
        }
        if (!outbox.emailEnabled()) {
            throw new InvalidFieldException("email", "email.notSent");
        }
        OffsetDateTime dayAgo = OffsetDateTime.now(clock).minus(Duration.ofDays(1));
        if (outbox.queuedSince(me.id(), VERIFY_KEY, dayAgo) >= MAX_PER_DAY) {
            throw new InvalidFieldException("email", "email.tooMany");
        }
        jdbc.sql("UPDATE app_user SET email = :email, email_verified_at = NULL WHERE id = :me")
                .param("email", address)
                .param("me", me.id())
                .update();
        // the address itself is personal data: the audit says that it changed, not to what
        audit.record("EMAIL_CHANGE", "user", me.username(), me.schoolId(), null, null);
        outbox.queueEmailTo(
                me.id(),
                address,
                NotificationKind.SECURITY,
                VERIFY_KEY,
                "/public/email/" + links.sign(purpose(address), me.id()));
        return state();
    }

    /** What opening a confirmation link did. */
    public enum Outcome {
        CONFIRMED,
        ALREADY,
        INVALID
    }

    /** Confirms the address a link was sent to, if it is still the user's address. */
    @Transactional
    public Outcome confirm(String token) {
        OptionalLong user = links.verify(
                token,
                id -> jdbc.sql("SELECT email FROM app_user WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .optional()
                        .map(OwnEmail::purpose)
                        .orElse(null));
        if (user.isEmpty()) {
            return Outcome.INVALID;
        }
        int confirmed = jdbc.sql(
                        "UPDATE app_user SET email_verified_at = :at WHERE id = :id AND email_verified_at IS NULL")
                .param("at", OffsetDateTime.now(clock))
                .param("id", user.getAsLong())
                .update();
        if (confirmed == 0) {
            return Outcome.ALREADY;
        }
        Who who = jdbc.sql("SELECT username, school_id FROM app_user WHERE id = :id")
                .param("id", user.getAsLong())
                .query(Who.class)
                .single();
        audit.recordAs(who.username(), "EMAIL_CONFIRM", "user", who.username(), who.schoolId(), null, null);
        return Outcome.CONFIRMED;
    }

    private record Who(String username, Long schoolId) {}

    private static String purpose(String address) {
        return address == null ? null : "email:" + address.toLowerCase(Locale.ROOT);
    }
}
