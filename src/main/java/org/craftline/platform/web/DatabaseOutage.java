package org.craftline.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The database cannot be reached (it restarts, or a connection broke mid-request): the user is told
 * to try again shortly with 503, never a 500, and the connection pool reconnects by itself once
 * the database answers. The advices map what a controller throws; this filter catches what earlier
 * filters (sign-in, the password-change gate) throw before any controller runs.
 */
class DatabaseOutage extends OncePerRequestFilter {

    static final String MESSAGE_KEY = "error.503";
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Set<Class<? extends Throwable>> OUTAGES = Set.of(
            CannotGetJdbcConnectionException.class,
            DataAccessResourceFailureException.class,
            TransientDataAccessException.class,
            CannotCreateTransactionException.class);

    private final MessageSource messages;
    private final LocaleResolver locales;

    DatabaseOutage(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** Whether the exception, or one of its causes, says the database is out of reach. */
    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (OUTAGES.stream().anyMatch(type -> type.isInstance(current)) || brokenConnection(current)) {
                return true;
            }
            // a connection cut mid-transaction fails the rollback too, which hides the first failure
            if (t instanceof TransactionSystemException failed
                    && failed.getApplicationException() != null
                    && is(failed.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) or 57P (the server shuts down or ended the session). */
    private static boolean brokenConnection(Throwable t) {
        return t instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!is(e) || response.isCommitted()) {
                throw e;
            }
            logger.warn("database unavailable: " + e.getMessage());
            response.resetBuffer();
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problem(request, response);
            } else {
                response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            }
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String detail = messages.getMessage(MESSAGE_KEY, null, MESSAGE_KEY, locales.resolveLocale(request));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
                        + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
