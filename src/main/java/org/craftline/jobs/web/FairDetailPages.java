package org.craftline.jobs.web;

import org.craftline.jobs.domain.FairAccess;
import org.craftline.jobs.domain.FairAttendance;
import org.craftline.jobs.domain.FairForms;
import org.craftline.jobs.domain.FairOffers;
import org.craftline.jobs.domain.FairQueries;
import org.craftline.jobs.domain.Fairs;
import org.craftline.platform.Role;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.InvalidFieldException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A fair's page with its figures, booths and offers, and what each role does there: the school
 * administrator puts units at booths, marks attendance and records offers, the enterprise records
 * its unit's offers, the student registers or takes its registration back.
 */
@Controller
class FairDetailPages {

    private final FairQueries queries;
    private final Fairs fairs;
    private final FairAttendance attendance;
    private final FairOffers offers;
    private final FairAccess access;

    FairDetailPages(FairQueries queries, Fairs fairs, FairAttendance attendance, FairOffers offers, FairAccess access) {
        this.queries = queries;
        this.fairs = fairs;
        this.attendance = attendance;
        this.offers = offers;
        this.access = access;
    }

    @GetMapping("/fairs/{id}")
    String show(@PathVariable long id, Model model) {
        var detail = queries.detail(id);
        model.addAttribute("detail", detail);
        model.addAttribute("administrator", access.isAdministrator());
        model.addAttribute("seesWholeFair", access.seesWholeFair());
        model.addAttribute("student", access.user().role() == Role.STUDENT);
        model.addAttribute("recordsOffers", access.isAdministrator() || access.ownUnit() != null);
        if (access.seesWholeFair()) {
            model.addAttribute("registrations", queries.registrations(id));
        }
        addIfAbsent(model, "unitForm", new FairForms.FairUnitForm(null, null, null));
        addIfAbsent(model, "attendanceForm", new FairForms.FairAttendanceForm(null, true));
        addIfAbsent(
                model,
                "offerForm",
                new FairForms.FairOfferForm(
                        access.ownUnit(), null, null, detail.fair().heldOn()));
        return "jobs/fair";
    }

    @PostMapping("/fairs/{id}/units")
    String putUnit(
            @PathVariable long id,
            @Validated @ModelAttribute("unitForm") FairForms.FairUnitForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return done(FormSubmission.run(errors, () -> fairs.putUnit(id, form)), id, model, redirect);
    }

    @PostMapping("/fairs/{id}/attendance")
    String attendance(
            @PathVariable long id,
            @Validated @ModelAttribute("attendanceForm") FairForms.FairAttendanceForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return done(FormSubmission.run(errors, () -> attendance.markAttendance(id, form)), id, model, redirect);
    }

    @PostMapping("/fairs/{id}/offers")
    String offer(
            @PathVariable long id,
            @Validated @ModelAttribute("offerForm") FairForms.FairOfferForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        return done(FormSubmission.run(errors, () -> offers.record(id, form)), id, model, redirect);
    }

    @PostMapping("/me/fairs/{id}/registration")
    String register(@PathVariable long id, RedirectAttributes redirect) {
        return flashed(() -> attendance.register(id), id, redirect);
    }

    @PostMapping("/me/fairs/{id}/registration/delete")
    String unregister(@PathVariable long id, RedirectAttributes redirect) {
        return flashed(() -> attendance.unregister(id), id, redirect);
    }

    /** Back to the fair's page with what came of the student's step: saved, or why not. */
    private static String flashed(Runnable step, long id, RedirectAttributes redirect) {
        try {
            step.run();
            redirect.addFlashAttribute("flashMessage", "saved");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/fairs/" + id;
    }

    private String done(java.util.Optional<?> result, long id, Model model, RedirectAttributes redirect) {
        if (result.isEmpty()) {
            return show(id, model); // the page again, the form with its errors
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/fairs/" + id;
    }

    private static void addIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }
}
