package org.craftline.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.craftline.platform.AuditLog;
import org.craftline.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Personal API tokens: created and revoked by their owner; only a SHA-256 of each is stored. */
@Service
class ApiTokens {

    static final String PREFIX = "cl_";

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, UserAccounts users, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    record TokenView(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {}

    @Transactional(readOnly = true)
    List<TokenView> activeTokens(long userId) {
        return jdbc.sql("""
                        SELECT id, name, prefix, created_at, last_used_at FROM api_token
                        WHERE user_id = :u AND revoked_at IS NULL ORDER BY created_at DESC
                        """)
                .param("u", userId)
                .query((rs, i) -> new TokenView(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("prefix"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class)))
                .list();
    }

    /** Creates a token and returns it in clear: the only time it is ever seen. */
    @Transactional
    String create(long userId, String username, String name) {
        String token = PREFIX + Passwords.random(40);
        jdbc.sql("""
                        INSERT INTO api_token (user_id, name, token_hash, prefix, created_at)
                        VALUES (:u, :name, :hash, :prefix, :now)
                        """)
                .param("u", userId)
                .param("name", name.trim())
                .param("hash", sha256(token))
                .param("prefix", token.substring(0, 8))
                .param("now", OffsetDateTime.now(clock))
                .update();
        audit.record("CREATE", "api_token", username + "/" + name.trim(), null, null, null);
        return token;
    }

    @Transactional
    void revoke(long userId, String username, long tokenId) {
        int changed = jdbc.sql(
                        "UPDATE api_token SET revoked_at = :now WHERE id = :id AND user_id = :u AND revoked_at IS NULL")
                .param("now", OffsetDateTime.now(clock))
                .param("id", tokenId)
                .param("u", userId)
                .update();
        if (changed == 0) {
            throw new NotFoundException("api_token", String.valueOf(tokenId));
        }
        audit.record("REVOKE", "api_token", username + "/" + tokenId, null, null, null);
    }

    /** The enabled user a live token belongs to; marks the token used. */
    @Transactional
    Optional<CraftlineUser> authenticate(String token) {
        String hash = sha256(token);
        Optional<Long> userId = jdbc.sql("SELECT user_id FROM api_token WHERE token_hash = :h AND revoked_at IS NULL")
                .param("h", hash)
                .query(Long.class)
                .optional();
        userId.ifPresent(id -> jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE token_hash = :h")
                .param("now", OffsetDateTime.now(clock))
                .param("h", hash)
                .update());
        return userId.flatMap(users::findById).filter(CraftlineUser::isEnabled);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
