package org.craftline.internships.web;

import org.craftline.shared.FormSubmission;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A change made from a form on the placement's page, answered with a flash message back on that page. */
final class Redirects {

    private Redirects() {}

    static String toPlacement(long id, BindingResult errors, RedirectAttributes redirect, Runnable change) {
        if (errors != null && errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", "internship.record.invalid");
        } else {
            FormSubmission.flash(redirect, change);
        }
        return "redirect:/internships/" + id;
    }
}
