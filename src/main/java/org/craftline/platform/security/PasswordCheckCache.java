package org.craftline.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Remembers a successful password check for a minute, so that a script calling the API with HTTP
 * Basic pays bcrypt (about 60 ms of CPU) once a minute instead of on every call. Keyed by a SHA-256
 * of the name and password (the password itself is never kept); an entry holds the user's session
 * epoch, so a new password, disabling or another role makes it useless at once, and it is dropped
 * then too. A wrong password is never remembered.
 */
@Component
class PasswordCheckCache {

    static final Duration TTL = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 1_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    PasswordCheckCache(Clock clock) {
        this.clock = clock;
    }

    /** The session epoch of the user whose check this was, while it is fresh. */
    java.util.OptionalInt epoch(String username, String password) {
        Entry e = entries.get(key(username, password));
        return e != null && clock.instant().isBefore(e.until())
                ? java.util.OptionalInt.of(e.epoch())
                : java.util.OptionalInt.empty();
    }

    void remember(String username, String password, int epoch) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear(); // only costs a bcrypt check each for those who come back
            }
        }
        entries.put(
                key(username, password),
                new Entry(username, epoch, clock.instant().plus(TTL)));
    }

    void forget(String username) {
        entries.values().removeIf(e -> e.username().equalsIgnoreCase(username));
    }

    private static String key(String username, String password) {
        return ApiTokens.sha256(username + '\u0000' + password);
    }

    private record Entry(String username, int epoch, Instant until) {}
}
