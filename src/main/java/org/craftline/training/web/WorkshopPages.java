package org.craftline.training.web;

import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.craftline.training.domain.WorkshopForm;
import org.craftline.training.domain.WorkshopKind;
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

/** Workshops, master studios and training bases: list, form and delete. */
@Controller
@RequestMapping("/training/workshops")
class WorkshopPages {

    private final Workshops workshops;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;

    WorkshopPages(Workshops workshops, OrganisationApi organisation, Tenancy tenancy) {
        this.workshops = workshops;
        this.organisation = organisation;
        this.tenancy = tenancy;
    }

    @ModelAttribute("kinds")
    WorkshopKind[] kinds() {
        return WorkshopKind.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) WorkshopKind kind,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("workshops", workshops.list(school, kind, PageQuery.of(page, null)));
        return "training/workshops";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, WorkshopForm.empty(), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") WorkshopForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> workshops.create(form)).isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/training/workshops";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, WorkshopForm.of(workshops.get(id)), id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") WorkshopForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> workshops.update(id, form)).isEmpty()) {
            return form(model, form, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/training/workshops";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            workshops.delete(id);
            redirect.addFlashAttribute("flashMessage", "deleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/training/workshops";
    }

    private String form(Model model, WorkshopForm form, Long id) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("workshopId", id);
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "training/workshop-form";
    }
}
