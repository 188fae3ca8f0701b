package org.craftline.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back a user who must change its password (an account created or reset by someone else)
 * until it has: pages lead to the change-password page, the API answers 403 except the change
 * itself. A page session asks the database once; an API call (no session) each time.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    static final String CHECKED = PasswordChangeGate.class.getName() + ".checked";
    private static final List<String> OPEN = List.of(
            "/password",
            "/api/v1/me/password",
            "/logout",
            "/login",
            "/error",
            "/css/",
            "/js/",
            "/webjars/",
            "/favicon");

    private final OwnPassword passwords;

    PasswordChangeGate(OwnPassword passwords) {
        this.passwords = passwords;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        boolean checked = session != null && Boolean.TRUE.equals(session.getAttribute(CHECKED));
        if (checked || !(auth != null && auth.getPrincipal() instanceof CraftlineUser user) || open(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!passwords.mustChange(user.currentUser().id())) {
            if (session != null) {
                session.setAttribute(CHECKED, true);
            }
            chain.doFilter(request, response);
        } else if (request.getRequestURI().startsWith("/api/")) {
            response.setStatus(403);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":"
                            + "\"Change the password first: POST /api/v1/me/password.\"}");
        } else {
            response.sendRedirect(request.getContextPath() + "/password");
        }
    }

    private static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN.stream().anyMatch(path::startsWith);
    }
}
