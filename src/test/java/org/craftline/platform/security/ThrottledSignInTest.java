package org.craftline.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.craftline.ApplicationProperties;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class ThrottledSignInTest {

    LoginThrottleTest.MutableClock clock = new LoginThrottleTest.MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    LoginThrottle throttle = new LoginThrottle(
            new ApplicationProperties(
                    null, null, null, new ApplicationProperties.Security(3, Duration.ofMinutes(10), 50)),
            clock);
    PasswordCheckCache cache = new PasswordCheckCache(clock);
    CountingEncoder encoder = new CountingEncoder();
    String hash = encoder.encode("right-password-1");
    int epoch = 0;

    ProviderManager manager = manager(new ThrottledSignIn(
            name -> {
                if (!name.equals("alice")) {
                    throw new UsernameNotFoundException("unknown");
                }
                return new CraftlineUser(
                        new CurrentUser(7, "alice", "Alice", Role.STAFF, 1L, null, null, null, null),
                        hash,
                        true,
                        false,
                        epoch);
            },
            encoder,
            throttle,
            cache));

    @Test
    void aSuccessfulPasswordCheckIsRememberedForAMinute() {
        signIn("alice", "right-password-1");
        signIn("alice", "right-password-1");
        assertThat(encoder.checks).as("the second call costs no bcrypt").isEqualTo(1);
        clock.now = clock.now.plus(PasswordCheckCache.TTL).plusSeconds(1);
        signIn("alice", "right-password-1");
        assertThat(encoder.checks).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsNeverRemembered() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> signIn("alice", "wrong-password-1")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(encoder.checks).isEqualTo(2);
    }

    @Test
    void aNewPasswordOrAnyOtherWithdrawalMakesTheRememberedCheckUseless() {
        signIn("alice", "right-password-1");
        hash = encoder.encode("new-password-22");
        epoch = 1; // what AccessRevocation does with the new password
        assertThatThrownBy(() -> signIn("alice", "right-password-1")).isInstanceOf(BadCredentialsException.class);
        signIn("alice", "new-password-22");
        cache.forget("alice");
        signIn("alice", "new-password-22");
        assertThat(encoder.checks)
                .as("each check after a withdrawal or a forget is a real one")
                .isEqualTo(4);
    }

    @Test
    void aHeldBackNameGetsTheSameAnswerWhetherItExistsOrNot() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn("alice", "wrong-password-1")).isInstanceOf(BadCredentialsException.class);
            assertThatThrownBy(() -> signIn("nobody", "wrong-password-1")).isInstanceOf(BadCredentialsException.class);
        }
        int checks = encoder.checks;
        Throwable known = catchThrown(() -> signIn("alice", "right-password-1"));
        Throwable unknown = catchThrown(() -> signIn("nobody", "right-password-1"));
        assertThat(known).isInstanceOf(LockedException.class);
        assertThat(unknown).isInstanceOf(LockedException.class).hasMessage(known.getMessage());
        assertThat(encoder.checks).as("a held-back attempt costs no bcrypt").isEqualTo(checks);
        assertThat(signInFrom("alice", "right-password-1", "198.51.100.7").isAuthenticated())
                .as("another address is not held back")
                .isTrue();
    }

    private Authentication signIn(String name, String password) {
        return signInFrom(name, password, "203.0.113.9");
    }

    private Authentication signInFrom(String name, String password, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return manager.authenticate(attempt);
    }

    private static Throwable catchThrown(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** The events reach the throttle as they do in the application. */
    private ProviderManager manager(ThrottledSignIn provider) {
        ProviderManager manager = new ProviderManager(List.of(provider));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(event -> {
            if (event instanceof AuthenticationFailureBadCredentialsEvent failure) {
                throttle.onFailure(failure);
            } else if (event instanceof AuthenticationSuccessEvent success) {
                throttle.onSuccess(success);
            }
        }));
        return manager;
    }

    /** Stands in for bcrypt and counts the checks. */
    static final class CountingEncoder implements PasswordEncoder {
        int checks;

        @Override
        public String encode(CharSequence raw) {
            return "h:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks++;
            return encoded.equals("h:" + raw);
        }
    }
}
