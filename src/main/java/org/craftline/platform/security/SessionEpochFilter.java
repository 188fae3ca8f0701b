package org.craftline.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session whose user was disabled, given another role or binding, or a new password
 * since it signed in: the session's epoch is no longer the user's (one primary-key lookup per
 * request). The request goes on unauthenticated, so the sign-in page follows.
 */
final class SessionEpochFilter extends OncePerRequestFilter {

    private final AccessRevocation revocation;

    SessionEpochFilter(AccessRevocation revocation) {
        this.revocation = revocation;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && auth != null && auth.getPrincipal() instanceof CraftlineUser user) {
            Optional<Integer> epoch = revocation.currentEpoch(user.currentUser().id());
            if (epoch.isEmpty() || epoch.get() != user.epoch()) {
                SecurityContextHolder.clearContext();
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }
}
