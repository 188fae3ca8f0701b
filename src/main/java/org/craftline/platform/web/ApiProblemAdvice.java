package org.craftline.platform.web;

import java.util.List;
import java.util.Map;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.craftline.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/** RFC 9457 problem responses for the REST API, with field errors where a value was refused. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final java.util.regex.Pattern PLAIN_KEY =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N}._/-]{1,60}");

    private final MessageSource messages;
    private final UploadLimit uploadLimit;

    ApiProblemAdvice(MessageSource messages, UploadLimit uploadLimit) {
        this.messages = messages;
        this.uploadLimit = uploadLimit;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        // the key only when it is one the caller could have written (a number, a code), never an
        // internal value such as a request record or a set of surrogate ids
        String detail = e.kind() + " not found"
                + (e.key() != null && PLAIN_KEY.matcher(e.key()).matches() ? ": " + e.key() : ".");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not Found");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Not allowed for this user.");
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text);
        problem.setTitle("Conflict");
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", text)));
        }
        if (e instanceof org.craftline.shared.StaleEditException stale) {
            // what changed since the caller read the record; a save with currentVersion replaces it
            problem.setProperty("currentVersion", stale.currentVersion());
            problem.setProperty("changes", stale.changes());
        }
        return problem;
    }

    /** Two writers raced past a uniqueness check: the loser gets the conflict the check would have given. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, text("error.duplicate"));
        problem.setTitle("Conflict");
        return problem;
    }

    /** The database is out of reach for a moment (a restart, a broken connection): 503, try again shortly. */
    @ExceptionHandler({
        org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.dao.TransientDataAccessException.class,
        org.springframework.transaction.CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, text(DatabaseOutage.MESSAGE_KEY));
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER_SECONDS)
                .body(problem);
    }

    /** A rollback that failed because the connection broke is the same outage; any other is rethrown. */
    @ExceptionHandler(org.springframework.transaction.TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailed(org.springframework.transaction.TransactionSystemException e) {
        if (!DatabaseOutage.is(e)) {
            throw e;
        }
        return databaseUnavailable(e);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalid(InvalidFieldException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text(e.messageKey()));
        problem.setTitle("Bad Request");
        problem.setProperty("errors", List.of(fieldError(e.field(), e.messageKey())));
        return problem;
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalidFields(InvalidFieldsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid values.");
        problem.setTitle("Bad Request");
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> fieldError(p.field(), p.messageKey()))
                        .toList());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalidContent(ex.getBindingResult()));
    }

    @ExceptionHandler(org.craftline.shared.InvalidBodyException.class)
    ResponseEntity<Object> invalidBody(org.craftline.shared.InvalidBodyException e) {
        return ResponseEntity.badRequest().body(invalidContent(e.errors()));
    }

    private ProblemDetail invalidContent(org.springframework.validation.BindingResult errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request content.");
        problem.setTitle("Bad Request");
        problem.setProperty(
                "errors",
                errors.getFieldErrors().stream()
                        .map(f -> Map.of(
                                "field",
                                f.getField(),
                                "message",
                                messages.getMessage(f, LocaleContextHolder.getLocale())))
                        .toList());
        return problem;
    }

    /** An unreadable body: which field (Jackson's path, e.g. {@code items[2].entryYear}) and why. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException cause = jacksonCause(ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("json.invalid"));
        problem.setTitle("Bad Request");
        if (cause == null || cause instanceof StreamReadException) {
            problem.setDetail(text(cause == null ? "json.missing" : "json.malformed"));
        } else {
            problem.setProperty("errors", List.of(fieldError(JsonProblems.path(cause), JsonProblems.reason(cause))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** An upload over the container's multipart limit: 413, naming the limit, never a 500. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String detail = messages.getMessage(
                "upload.tooLarge", new Object[] {uploadLimit.shown()}, LocaleContextHolder.getLocale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setTitle("Content Too Large");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    private Map<String, String> fieldError(String field, String key) {
        return Map.of("field", field, "message", text(key));
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
