package org.craftline.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.craftline.ApplicationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class LoginThrottleTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    LoginThrottle throttle = new LoginThrottle(
            new ApplicationProperties(
                    null, null, null, new ApplicationProperties.Security(3, Duration.ofMinutes(10), 10)),
            clock);

    @Test
    void locksAfterTheConfiguredNumberOfFailures() {
        fail("Alice");
        fail("alice");
        assertThat(throttle.isLocked("alice", null)).isFalse();
        fail("ALICE ");
        assertThat(throttle.isLocked("alice", null)).isTrue();
        assertThat(throttle.isLocked("bob", null)).isFalse();
    }

    @Test
    void theLockExpires() {
        fail("alice");
        fail("alice");
        fail("alice");
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(throttle.isLocked("alice", null)).isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() {
        fail("alice");
        fail("alice");
        throttle.onSuccess(
                new AuthenticationSuccessEvent(UsernamePasswordAuthenticationToken.unauthenticated("alice", "")));
        fail("alice");
        assertThat(throttle.isLocked("alice", null)).isFalse();
    }

    @Test
    void aNameIsHeldBackOnlyFromTheAddressThatFailed() {
        fail("admin", "203.0.113.9", 3);
        assertThat(throttle.isLocked("admin", "203.0.113.9")).isTrue();
        assertThat(throttle.isLocked("admin", "198.51.100.7"))
                .as("the operator at its own desk is not kept out by another address")
                .isFalse();
    }

    @Test
    void theWaitGrowsWithEachFurtherFailureInsteadOfAHardLockout() {
        fail("admin", "203.0.113.9", 3);
        clock.now = clock.now.plus(LoginThrottle.FIRST_WAIT).plusSeconds(1);
        assertThat(throttle.isLocked("admin", "203.0.113.9")).isFalse();
        fail("admin", "203.0.113.9", 1);
        clock.now = clock.now.plus(LoginThrottle.FIRST_WAIT).plusSeconds(1);
        assertThat(throttle.isLocked("admin", "203.0.113.9"))
                .as("the second wait is twice the first")
                .isTrue();
        clock.now = clock.now.plus(LoginThrottle.FIRST_WAIT);
        assertThat(throttle.isLocked("admin", "203.0.113.9")).isFalse();
        for (int i = 0; i < 10; i++) {
            fail("admin", "203.0.113.9", 1);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThat(throttle.isLocked("admin", "203.0.113.9"))
                .as("the wait never exceeds the lockout")
                .isFalse();
    }

    @Test
    void anAddressThatFailsWithManyNamesIsHeldBackForAnyName() {
        for (int i = 0; i < 10; i++) {
            fail("guess" + i, "203.0.113.9", 1);
        }
        assertThat(throttle.isLocked("someone-else", "203.0.113.9")).isTrue();
        assertThat(throttle.isLocked("someone-else", "198.51.100.7")).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThat(throttle.isLocked("someone-else", "203.0.113.9")).isFalse();
    }

    @Test
    void memoryStaysBoundedWithoutForgettingTheAttackedNames() {
        fail("admin", "203.0.113.9", 3);
        for (int i = 0; i < 2 * LoginThrottle.MAX_TRACKED; i++) {
            fail("name" + i, "10.0." + (i / 250) + "." + (i % 250), 1);
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED + 2);
        assertThat(throttle.isLocked("admin", "203.0.113.9")).isTrue();
        fail("victim", "203.0.113.10", 3);
        assertThat(throttle.isLocked("victim", "203.0.113.10"))
                .as("a name attacked after the table filled up is still counted")
                .isTrue();
    }

    private void fail(String username) {
        throttle.onFailure(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "x"),
                new BadCredentialsException("bad")));
    }

    private void fail(String username, String address, int times) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        for (int i = 0; i < times; i++) {
            var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, "x");
            attempt.setDetails(new WebAuthenticationDetails(request));
            throttle.onFailure(
                    new AuthenticationFailureBadCredentialsEvent(attempt, new BadCredentialsException("bad")));
        }
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
