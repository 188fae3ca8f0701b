package org.craftline.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app inbox of every user. A module sends a notification in the transaction of the change it
 * tells of (so none is sent for a change rolled back), as a message key with its arguments, so that
 * each reader sees it in its own language; users who turned the kind off get none.
 */
@Service
public class Notifications {

    /** The most an inbox page shows; the nav's count stops there too ("99+"). */
    static final int UNREAD_CAP = 100;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;
    private final MessageOutbox outbox;

    Notifications(JdbcClient jdbc, Tenancy tenancy, Clock clock, MessageOutbox outbox) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** The parameters of the statements that send: a caller's statement must name its own otherwise. */
    static final Set<String> RESERVED = Set.of("kind", "key", "args", "link", "at", "channel");

    /** Between a message's arguments as stored (a control character no argument carries). */
    static final String SEPARATOR = "\u001f";

    /** A notification as the inbox shows it: its message key and arguments, for the reader's language. */
    public record Item(
            long id,
            String kind,
            String messageKey,
            String args,
            String link,
            OffsetDateTime createdAt,
            OffsetDateTime readAt) {

        public Object[] arguments() {
            return args == null || args.isEmpty() ? new Object[0] : args.split(SEPARATOR, -1);
        }
    }

    /** To one user. */
    @Transactional
    public void toUser(long userId, NotificationKind kind, String messageKey, List<?> args, String link) {
        toUsers("SELECT CAST(:user AS BIGINT) AS id", Map.of("user", userId), kind, messageKey, args, link);
    }

    /**
     * To the users of the students (graduates) that the statement selects ({@code SELECT student_id
     * ...}, with its parameters), in one statement; students without an account get none. Answers how
     * many were sent.
     */
    @Transactional
    public int toStudents(
            String studentIds,
            Map<String, ?> params,
            NotificationKind kind,
            String messageKey,
            List<?> args,
            String link) {
        return toUsers(
                "SELECT u.id FROM app_user u WHERE u.enabled AND u.student_id IN (" + studentIds + ")",
                params,
                kind,
                messageKey,
                args,
                link);
    }

    /**
     * To the enabled users of the units (enterprises) that the statement selects ({@code SELECT
     * enterprise_id ...}, with its parameters). Answers how many were sent.
     */
    @Transactional
    public int toEnterprises(
            String enterpriseIds,
            Map<String, ?> params,
            NotificationKind kind,
            String messageKey,
            List<?> args,
            String link) {
        return toUsers(
                "SELECT u.id FROM app_user u WHERE u.enabled AND u.role = 'ENTERPRISE' AND u.enterprise_id IN ("
                        + enterpriseIds + ")",
                params,
                kind,
                messageKey,
                args,
                link);
    }

    /** To the enabled administrators of a school. Answers how many were sent. */
    @Transactional
    public int toSchoolAdmins(long schoolId, NotificationKind kind, String messageKey, List<?> args, String link) {
        return toUsers(
                "SELECT u.id FROM app_user u WHERE u.enabled AND u.role = 'SCHOOL_ADMIN' AND u.school_id = :school",
                Map.of("school", schoolId),
                kind,
                messageKey,
                args,
                link);
    }

    /**
     * {@code userIds}: a statement selecting the users' ids as a column {@code id}. The inbox gets the
     * notification, and the mail queue a copy for those with a confirmed address.
     */
    private int toUsers(
            String userIds,
            Map<String, ?> params,
            NotificationKind kind,
            String messageKey,
            List<?> args,
            String link) {
        if (params.keySet().stream().anyMatch(RESERVED::contains)) {
            throw new IllegalArgumentException("a statement's parameters may not be named " + RESERVED);
        }
        String joined = String.join(
                SEPARATOR, args.stream().map(Notifications::argument).toList());
        OffsetDateTime at = OffsetDateTime.now(clock);
        int sent = jdbc.sql("INSERT INTO notification (user_id, kind, message_key, args, link, created_at)"
                        + " SELECT t.id, :kind, :key, :args, :link, :at FROM (" + userIds + ") t"
                        + " WHERE NOT EXISTS (SELECT 1 FROM notification_opt_out o WHERE o.user_id = t.id"
                        + " AND o.kind = :kind)")
                .params(params)
                .param("kind", kind.name())
                .param("key", messageKey)
                .param("args", joined)
                .param("link", link)
                .param("at", at)
                .update();
        if (sent > 0) {
            outbox.queueEmail(userIds, params, kind, messageKey, joined, link, at);
        }
        return sent;
    }

    private static String argument(Object value) {
        String text = String.valueOf(value).replace(SEPARATOR, " ");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    /** The signed-in user's inbox, newest first. */
    @Transactional(readOnly = true)
    public Paged<Item> inbox(PageQuery page) {
        Where where =
                Where.of("n.user_id = :me", Map.of("me", tenancy.currentUser().id()));
        return SqlPages.fetch(
                jdbc,
                "n.id, n.kind, n.message_key, n.args, n.link, n.created_at, n.read_at",
                "notification n",
                where,
                page,
                Keyset.of(List.of("n.id"), true, "n.id", Item::id, page),
                Item.class);
    }

    /** The signed-in user's unread notifications, counted up to {@value #UNREAD_CAP}. */
    @Transactional(readOnly = true)
    public int unread() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM notification WHERE user_id = :me AND read_at IS NULL"
                        + " FETCH FIRST " + UNREAD_CAP + " ROWS ONLY) t")
                .param("me", tenancy.currentUser().id())
                .query(Integer.class)
                .single();
    }

    /** Marks one of the user's notifications read and answers the page it leads to (the inbox when none). */
    @Transactional
    public String open(long id) {
        String link = jdbc.sql("SELECT link FROM notification WHERE id = :id AND user_id = :me")
                .param("id", id)
                .param("me", tenancy.currentUser().id())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("notification", String.valueOf(id)));
        jdbc.sql("UPDATE notification SET read_at = :at WHERE id = :id AND read_at IS NULL")
                .param("at", OffsetDateTime.now(clock))
                .param("id", id)
                .update();
        return link == null ? "/inbox" : link;
    }

    @Transactional
    public int readAll() {
        return jdbc.sql("UPDATE notification SET read_at = :at WHERE user_id = :me AND read_at IS NULL")
                .param("at", OffsetDateTime.now(clock))
                .param("me", tenancy.currentUser().id())
                .update();
    }

    /** The kinds the signed-in user receives. */
    @Transactional(readOnly = true)
    public Set<NotificationKind> received() {
        Set<NotificationKind> kinds = EnumSet.allOf(NotificationKind.class);
        jdbc.sql("SELECT kind FROM notification_opt_out WHERE user_id = :me")
                .param("me", tenancy.currentUser().id())
                .query(String.class)
                .list()
                .forEach(k -> kinds.remove(NotificationKind.valueOf(k)));
        return kinds;
    }

    /** Sets the kinds the signed-in user receives; security notices always. */
    @Transactional
    public Set<NotificationKind> receive(Set<NotificationKind> wanted) {
        long me = tenancy.currentUser().id();
        if (!wanted.contains(NotificationKind.SECURITY)) {
            throw new InvalidFieldException("kinds", "notification.securityAlways");
        }
        jdbc.sql("DELETE FROM notification_opt_out WHERE user_id = :me")
                .param("me", me)
                .update();
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.optional() && !wanted.contains(kind)) {
                jdbc.sql("INSERT INTO notification_opt_out (user_id, kind) VALUES (:me, :kind)")
                        .param("me", me)
                        .param("kind", kind.name())
                        .update();
            }
        }
        return received();
    }
}
