package org.craftline.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal links that work without a password: the token names a record's id and carries an
 * HMAC-SHA256 of the purpose and the id under the installation's key, so a link can be given again
 * (a reminder) without storing it, and a changed or made-up token is refused. What the link may
 * still do (once, until a date) is the caller's rule.
 */
@Component
public class SignedLinks {

    private static final int MAC_BYTES = 16;
    private static final int TOKEN_CHARS = 32; // base64url of 8 id bytes and 16 MAC bytes

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile byte[] key;

    SignedLinks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The token of a record's link for a purpose (such as {@code "follow-up"}). */
    public String sign(String purpose, long id) {
        ByteBuffer token = ByteBuffer.allocate(8 + MAC_BYTES).putLong(id).put(mac(purpose, id));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** The record's id the token names, if the token is one this installation signed for the purpose. */
    public OptionalLong verify(String purpose, String token) {
        return verify(token, id -> purpose);
    }

    /**
     * The record's id the token names, if this installation signed it for the purpose that the record
     * has now ({@code purposeOf} the id, or null when there is no such record): a link to confirm an
     * email address names the address in its purpose, so it stops working once the address changes.
     */
    public OptionalLong verify(String token, LongFunction<String> purposeOf) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return OptionalLong.empty();
        }
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException notBase64) {
            return OptionalLong.empty();
        }
        long id = bytes.getLong();
        byte[] given = new byte[MAC_BYTES];
        bytes.get(given);
        String purpose = purposeOf.apply(id);
        return purpose != null && MessageDigest.isEqual(given, mac(purpose, id))
                ? OptionalLong.of(id)
                : OptionalLong.empty();
    }

    private byte[] mac(String purpose, long id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            mac.update((purpose + ":").getBytes(StandardCharsets.UTF_8));
            byte[] full = mac.doFinal(ByteBuffer.allocate(8).putLong(id).array());
            byte[] cut = new byte[MAC_BYTES];
            System.arraycopy(full, 0, cut, 0, MAC_BYTES);
            return cut;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            // transactions of its own: the first link may be signed inside a read-only one
            try {
                k = ownTransaction.execute(status -> stored().orElseGet(this::newKey));
            } catch (DuplicateKeyException another) {
                // another instance wrote its key first: use that one
                k = ownTransaction.execute(status -> stored().orElseThrow());
            }
            key = k;
        }
        return k;
    }

    private java.util.Optional<byte[]> stored() {
        return jdbc.sql("SELECT secret FROM link_secret WHERE id = 1")
                .query(String.class)
                .optional()
                .map(Base64.getDecoder()::decode);
    }

    private byte[] newKey() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO link_secret (id, secret) VALUES (1, :s)")
                .param("s", Base64.getEncoder().encodeToString(fresh))
                .update();
        return fresh;
    }
}
