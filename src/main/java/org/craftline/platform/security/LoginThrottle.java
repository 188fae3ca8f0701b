package org.craftline.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.craftline.ApplicationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks a user name for a while after repeated failed sign-ins (pages and HTTP Basic alike). Kept
 * in memory: a restart forgets, which only ever shortens a lockout.
 */
@Component
class LoginThrottle {

    /** Bounds the memory an attacker can make us spend on made-up user names. */
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final ApplicationProperties.Security settings;
    private final Clock clock;

    LoginThrottle(ApplicationProperties properties, Clock clock) {
        this.settings = properties.security();
        this.clock = clock;
    }

    boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.count() >= settings.maxFailedLogins() && !expired(f);
    }

    /** Whether the last failure of this name is the one that locked it (for the audit log). */
    boolean justLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.count() == settings.maxFailedLogins() && !expired(f);
    }

    @EventListener
    @Order(0) // counted before the audit log asks justLocked
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(this::expired);
        }
        if (failures.size() < MAX_TRACKED) {
            failures.merge(
                    key(event.getAuthentication().getName()),
                    new Failures(1, clock.instant()),
                    (old, one) -> expired(old) ? one : new Failures(old.count() + 1, one.last()));
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private boolean expired(Failures f) {
        return f.last().plus(settings.lockout()).isBefore(clock.instant());
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant last) {}
}
