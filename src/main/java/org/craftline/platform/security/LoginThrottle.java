package org.craftline.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.craftline.ApplicationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing (pages and HTTP Basic alike), the same for known and unknown user
 * names. A user name is held back per source address: after the allowed failures it waits, and
 * each further failure doubles the wait up to the lockout, so nobody elsewhere can keep a user (the
 * operator) out. An address that fails too often with any names is held back for the lockout.
 * Kept in memory within a bound: when full, the least-failed entries that hold nothing back are
 * forgotten, never a held-back one. A restart forgets, which only ever shortens a wait.
 */
@Component
class LoginThrottle {

    /** Entries kept before the least-failed are forgotten. */
    static final int MAX_TRACKED = 10_000;
    /** Held-back entries are never forgotten; past this many, new failures count for the address only. */
    static final int HARD_LIMIT = 10 * MAX_TRACKED;
    /** The wait after the allowed failures; it doubles with each further failure, up to the lockout. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final ApplicationProperties.Security settings;
    private final Clock clock;

    LoginThrottle(ApplicationProperties properties, Clock clock) {
        this.settings = properties.security();
        this.clock = clock;
    }

    /** Whether a sign-in of this name from this address is refused now, before its password is looked at. */
    boolean isLocked(String username, String address) {
        return heldBack(failures.get(nameKey(username, address))) || heldBack(failures.get(addressKey(address)));
    }

    /** Whether the last failure of this name from this address is the one that held it back (for the audit log). */
    boolean justLocked(String username, String address) {
        Failures f = failures.get(nameKey(username, address));
        return f != null && f.count() == settings.maxFailedLogins() && !forgotten(f);
    }

    int tracked() {
        return failures.size();
    }

    @EventListener
    @Order(0) // counted before the audit log asks justLocked
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String address = address(event.getAuthentication());
        count(addressKey(address), true);
        count(nameKey(event.getAuthentication().getName(), address), false);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        failures.remove(nameKey(event.getAuthentication().getName(), address(event.getAuthentication())));
    }

    private void count(String key, boolean perAddress) {
        if (!failures.containsKey(key) && failures.size() >= MAX_TRACKED) {
            makeRoom();
        }
        if (failures.containsKey(key) || failures.size() < HARD_LIMIT) {
            Instant now = clock.instant();
            failures.merge(
                    key,
                    new Failures(1, now, perAddress),
                    (old, one) -> forgotten(old) ? one : new Failures(old.count() + 1, now, perAddress));
        }
    }

    /** Forgets what is over, then the least-failed entries that hold nothing back, oldest first. */
    private synchronized void makeRoom() {
        failures.values().removeIf(this::forgotten);
        int excess = failures.size() - MAX_TRACKED + MAX_TRACKED / 10;
        if (excess <= 0) {
            return;
        }
        failures.entrySet().stream()
                .filter(e -> !heldBack(e.getValue()))
                .sorted(Comparator.comparingInt(
                                (Map.Entry<String, Failures> e) -> e.getValue().count())
                        .thenComparing(e -> e.getValue().last()))
                .limit(excess)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(failures::remove);
    }

    private boolean heldBack(Failures f) {
        return f != null
                && f.count() >= allowed(f)
                && clock.instant().isBefore(f.last().plus(wait(f)));
    }

    private int allowed(Failures f) {
        return f.perAddress() ? settings.maxFailuresPerAddress() : settings.maxFailedLogins();
    }

    /** A record is forgotten a lockout after its wait has ended. */
    private boolean forgotten(Failures f) {
        return clock.instant().isAfter(f.last().plus(wait(f)).plus(settings.lockout()));
    }

    private Duration wait(Failures f) {
        if (f.count() < allowed(f)) {
            return Duration.ZERO;
        }
        if (f.perAddress()) {
            return settings.lockout();
        }
        int doublings = Math.min(f.count() - allowed(f), 20);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(settings.lockout()) > 0 ? settings.lockout() : wait;
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress()
                : "";
    }

    private static String nameKey(String username, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "u " + (address == null ? "" : address) + " " + name;
    }

    private static String addressKey(String address) {
        return "a " + (address == null ? "" : address);
    }

    private record Failures(int count, Instant last, boolean perAddress) {}
}
