package org.craftline.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.craftline.ApplicationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

class LoginThrottleTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    LoginThrottle throttle = new LoginThrottle(
            new ApplicationProperties(null, null, null, new ApplicationProperties.Security(3, Duration.ofMinutes(10))),
            clock);

    @Test
    void locksAfterTheConfiguredNumberOfFailures() {
        fail("Alice");
        fail("alice");
        assertThat(throttle.isLocked("alice")).isFalse();
        fail("ALICE ");
        assertThat(throttle.isLocked("alice")).isTrue();
        assertThat(throttle.isLocked("bob")).isFalse();
    }

    @Test
    void theLockExpires() {
        fail("alice");
        fail("alice");
        fail("alice");
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(throttle.isLocked("alice")).isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        fail("alice");
        fail("alice");
        throttle.onSuccess(
                new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.unauthenticated("alice", "")));
        fail("alice");
        assertThat(throttle.isLocked("alice")).isFalse();
    }

    private void fail(String username) {
        throttle.onFailure(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "x"),
                new BadCredentialsException("bad")));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
