package org.craftline.platform.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins on the pages, failed sign-ins (pages and API) and refusals of a locked account go to
 * the audit log with the source address: entity type {@code sign-in}, key the user name tried.
 * A successful API call is not a sign-in (HTTP Basic authenticates every request) and is not
 * recorded here. Passwords are never part of an entry.
 */
@Component
class SignInAudit {

    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final LoginThrottle throttle;

    SignInAudit(AuditLog audit, JdbcClient jdbc, LoginThrottle throttle) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.throttle = throttle;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        write("SIGN_IN", event.getAuthentication());
    }

    @EventListener
    @Order(1) // after the throttle has counted the failure
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        write(
                throttle.justLocked(name(event), address(event.getAuthentication())) ? "LOCKOUT" : "SIGN_IN_FAILED",
                event.getAuthentication());
    }

    @EventListener
    void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
        write("SIGN_IN_LOCKED", event.getAuthentication());
    }

    private void write(String action, Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().strip();
        Map<String, Object> details = new LinkedHashMap<>();
        String address = address(attempt);
        if (address != null) {
            details.put("address", address);
        }
        audit.recordAs(username, action, "sign-in", truncate(username), schoolOf(username), null, details);
    }

    private Long schoolOf(String username) {
        return jdbc.sql("SELECT school_id FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static String name(AbstractAuthenticationFailureEvent event) {
        return event.getAuthentication().getName();
    }

    private static String truncate(String text) {
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
