package org.craftline.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a user's access at once when its rights are withdrawn (disabled, another role or binding,
 * a new password): its page sessions end on their next request ({@link SessionEpochFilter}) and its
 * personal API tokens are revoked, and a remembered HTTP Basic check is dropped.
 */
@Component
class AccessRevocation {

    private final JdbcClient jdbc;
    private final PasswordCheckCache checks;
    private final Clock clock;

    AccessRevocation(JdbcClient jdbc, PasswordCheckCache checks, Clock clock) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.clock = clock;
    }

    /** Ends the user's sessions and tokens; answers the user's new session epoch. */
    @Transactional
    int endSessionsAndTokens(String username) {
        jdbc.sql("UPDATE app_user SET session_epoch = session_epoch + 1 WHERE username = :u")
                .param("u", username)
                .update();
        jdbc.sql("""
                        UPDATE api_token SET revoked_at = :now
                        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM app_user WHERE username = :u)
                        """)
                .param("now", OffsetDateTime.now(clock))
                .param("u", username)
                .update();
        checks.forget(username);
        return jdbc.sql("SELECT session_epoch FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** The session epoch of an enabled user; empty when the user is disabled or gone. */
    @Transactional(readOnly = true)
    Optional<Integer> currentEpoch(long userId) {
        return jdbc.sql("SELECT session_epoch FROM app_user WHERE id = :id AND enabled = TRUE")
                .param("id", userId)
                .query(Integer.class)
                .optional();
    }
}
