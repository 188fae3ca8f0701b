package org.craftline.talent.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.PageQuery;
import org.craftline.talent.domain.ApprenticeshipForm;
import org.craftline.talent.domain.Apprenticeships;
import org.springframework.format.annotation.DateTimeFormat;
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

@Controller
@RequestMapping("/talent/apprenticeships")
class ApprenticeshipPages {

    private final Apprenticeships apprenticeships;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;
    private final Clock clock;

    ApprenticeshipPages(Apprenticeships apprenticeships, OrganisationApi organisation, Tenancy tenancy, Clock clock) {
        this.apprenticeships = apprenticeships;
        this.organisation = organisation;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String person,
            @RequestParam(required = false) Boolean ongoing,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        model.addAttribute("person", person);
        model.addAttribute("ongoing", ongoing);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("apprenticeships", apprenticeships.list(person, ongoing, PageQuery.of(page, null, after)));
        return "talent/apprenticeships";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, ApprenticeshipForm.empty(LocalDate.now(clock)));
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") ApprenticeshipForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> apprenticeships.create(form)).isEmpty()) {
            return form(model, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/talent/apprenticeships";
    }

    @PostMapping("/{id}/end")
    String end(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn,
            RedirectAttributes redirect) {
        try {
            apprenticeships.end(id, endedOn);
            redirect.addFlashAttribute("flashMessage", "saved");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/talent/apprenticeships";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        apprenticeships.delete(id);
        redirect.addFlashAttribute("flashMessage", "deleted");
        return "redirect:/talent/apprenticeships";
    }

    private String form(Model model, ApprenticeshipForm form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "talent/apprenticeship-form";
    }
}
