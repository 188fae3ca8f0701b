package org.craftline.platform.web;

import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Friendly error pages for the page channel; the API channel has {@link ApiProblemAdvice}. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice {

    private final UploadLimit uploadLimit;

    PageErrorAdvice(UploadLimit uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    /** An upload over the container's multipart limit on any page (the import page shows it in place). */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
    String uploadTooLarge(Model model) {
        model.addAttribute("status", 413);
        model.addAttribute("messageKey", "upload.tooLarge");
        model.addAttribute("messageArg", uploadLimit.shown());
        return "error";
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error/404";
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("messageKey", e.messageKey());
        return "error/409";
    }

    /** A bad parameter of a page's query (a form error is shown on the form, not here). */
    @ExceptionHandler(InvalidFieldException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidFieldException e, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", e.messageKey());
        return "error";
    }

    /** Two writers raced past a uniqueness check: a conflict page, not a server error. */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String duplicate(Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("messageKey", "error.duplicate");
        return "error/409";
    }

    /** The database is out of reach for a moment (a restart, a broken connection): 503, try again shortly. */
    @ExceptionHandler({
        org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.dao.TransientDataAccessException.class,
        org.springframework.transaction.CannotCreateTransactionException.class
    })
    String databaseUnavailable(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
        model.addAttribute("status", 503);
        return "error/503";
    }

    /** A rollback that failed because the connection broke is the same outage; any other is rethrown. */
    @ExceptionHandler(org.springframework.transaction.TransactionSystemException.class)
    String transactionFailed(
            org.springframework.transaction.TransactionSystemException e,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        if (!DatabaseOutage.is(e)) {
            throw e;
        }
        return databaseUnavailable(model, response);
    }
}
