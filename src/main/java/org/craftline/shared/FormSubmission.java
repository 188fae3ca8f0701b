package org.craftline.shared;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.validation.BindingResult;

/** Runs a form's command and turns refused values into field errors on the form. */
public final class FormSubmission {

    private FormSubmission() {}

    /** Adds what the records refuse to a form's own errors, for the fields that have none yet. */
    public static void addProblems(BindingResult errors, java.util.List<InvalidFieldException> problems) {
        for (InvalidFieldException p : problems) {
            if (!errors.hasFieldErrors(p.field())) {
                reject(errors, p.field(), p.messageKey(), null);
            }
        }
    }

    /** The command's result, or empty when the form has errors (those it had, or those it raised). */
    public static <T> Optional<T> run(BindingResult errors, Supplier<T> command) {
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(command.get());
        } catch (InvalidFieldException e) {
            reject(errors, e.field(), e.messageKey(), null);
        } catch (InvalidFieldsException e) {
            e.problems().forEach(p -> reject(errors, p.field(), p.messageKey(), null));
        } catch (StaleEditException e) {
            // the form keeps what was typed; it now carries the stored version, so saving it again
            // after reading who changed what is a deliberate overwrite
            errors.reject(e.messageKey(), e.args(), null);
            var request = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
            if (request != null) {
                request.setAttribute(
                        "currentVersion",
                        e.currentVersion(),
                        org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
            }
        } catch (ConflictException e) {
            if (e.field() == null) {
                errors.reject(e.messageKey(), e.args(), null);
            } else {
                reject(errors, e.field(), e.messageKey(), e.args());
            }
        }
        return Optional.empty();
    }

    /**
     * Runs a change posted from a record's page (a button, a small form) and leaves what happened
     * for the page it redirects to: "saved", the refused value's message, or that someone saved the
     * record since the page was read.
     */
    public static void flash(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flashMessage", "saved");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        } catch (StaleEditException e) {
            redirect.addFlashAttribute("flashError", "edit.stale.reload");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
    }

    /**
     * An error at its field, or above the form when the field is not one of the form object's own,
     * such as an uploaded file that comes beside it.
     */
    private static void reject(BindingResult errors, String field, String messageKey, Object[] args) {
        try {
            errors.rejectValue(field, messageKey, args, null);
        } catch (org.springframework.beans.NotReadablePropertyException e) {
            errors.reject(messageKey, args, null);
        }
    }
}
