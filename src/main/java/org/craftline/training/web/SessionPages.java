package org.craftline.training.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.craftline.training.domain.Courses;
import org.craftline.training.domain.SessionForm;
import org.craftline.training.domain.TrainingRates;
import org.craftline.training.domain.TrainingSessions;
import org.craftline.training.domain.Workshops;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sessions held, filtered by term, class and course; teachers record them too. */
@Controller
@RequestMapping("/training/sessions")
class SessionPages {

    private final TrainingSessions sessions;
    private final Courses courses;
    private final Workshops workshops;
    private final TrainingRates rates;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;
    private final Clock clock;

    SessionPages(
            TrainingSessions sessions,
            Courses courses,
            Workshops workshops,
            TrainingRates rates,
            OrganisationApi organisation,
            Tenancy tenancy,
            Clock clock) {
        this.sessions = sessions;
        this.courses = courses;
        this.workshops = workshops;
        this.rates = rates;
        this.organisation = organisation;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String term,
            @RequestParam(required = false) String className,
            @RequestParam(required = false) String course,
            @RequestParam(required = false) Integer page,
            Model model) {
        var filter = new TrainingSessions.Filter(school, term, className, course);
        model.addAttribute("filter", filter);
        Long own = tenancy.currentUser().schoolId();
        model.addAttribute("termOptions", own == null ? List.of() : rates.terms(own));
        model.addAttribute("classOptions", own == null ? List.of() : classNames(own));
        model.addAttribute("courseOptions", own == null ? List.of() : courses.ofSchool(own));
        model.addAttribute("sessions", sessions.list(filter, PageQuery.of(page, null)));
        return "training/sessions";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, SessionForm.empty(LocalDate.now(clock)), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") SessionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            FormSubmission.addProblems(errors, sessions.problems(form));
        }
        if (FormSubmission.run(errors, () -> sessions.create(form)).isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/training/sessions";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, SessionForm.of(sessions.get(id)), id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") SessionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            FormSubmission.addProblems(errors, sessions.problems(form));
        }
        if (FormSubmission.run(errors, () -> sessions.update(id, form)).isEmpty()) {
            return form(model, form, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/training/sessions";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        sessions.delete(id);
        redirect.addFlashAttribute("flashMessage", "deleted");
        return "redirect:/training/sessions";
    }

    private String form(Model model, SessionForm form, Long id) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("sessionId", id);
        Long own = tenancy.currentUser().schoolId();
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        model.addAttribute("courseOptions", own == null ? List.of() : courses.ofSchool(own));
        model.addAttribute("itemOptions", own == null ? List.of() : courses.itemOptions(own));
        model.addAttribute("classOptions", own == null ? List.of() : classNames(own));
        model.addAttribute("workshopOptions", own == null ? List.of() : workshops.names(own));
        return "training/session-form";
    }

    private List<String> classNames(long schoolId) {
        return organisation.classes(schoolId).keySet().stream().sorted().toList();
    }
}
