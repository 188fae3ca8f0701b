package org.craftline.social.web;

import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.craftline.social.domain.CohortForm;
import org.craftline.social.domain.Cohorts;
import org.craftline.social.domain.ProgrammeForm;
import org.craftline.social.domain.ProgrammeKind;
import org.craftline.social.domain.Programmes;
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
@RequestMapping("/social/programmes")
class ProgrammePages {

    private final Programmes programmes;
    private final Cohorts cohorts;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;

    ProgrammePages(Programmes programmes, Cohorts cohorts, OrganisationApi organisation, Tenancy tenancy) {
        this.programmes = programmes;
        this.cohorts = cohorts;
        this.organisation = organisation;
        this.tenancy = tenancy;
    }

    @ModelAttribute("kinds")
    ProgrammeKind[] kinds() {
        return ProgrammeKind.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) ProgrammeKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        var filter = new Programmes.Filter(kind, q);
        model.addAttribute("filter", filter);
        model.addAttribute("programmes", programmes.list(filter, PageQuery.of(page, null)));
        return "social/programmes";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("programme", programmes.get(id));
        model.addAttribute("cohorts", cohorts.ofProgramme(id));
        return "social/programme";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, ProgrammeForm.empty(), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") ProgrammeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> programmes.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/social/programmes/" + created.get().id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, ProgrammeForm.of(programmes.get(id)), id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") ProgrammeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var updated = FormSubmission.run(errors, () -> programmes.update(id, form));
        if (updated.isEmpty()) {
            return form(model, form, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/social/programmes/" + id;
    }

    @GetMapping("/{id}/cohorts/new")
    String cohortForm(@PathVariable long id, Model model) {
        return cohortForm(model, id, CohortForm.empty());
    }

    @PostMapping("/{id}/cohorts")
    String createCohort(
            @PathVariable long id,
            @Validated @ModelAttribute("form") CohortForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> cohorts.create(id, form));
        if (created.isEmpty()) {
            return cohortForm(model, id, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/social/cohorts/" + created.get().code() + "?school="
                + created.get().schoolCode();
    }

    private String form(Model model, ProgrammeForm form, Long id) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("programmeId", id);
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "social/programme-form";
    }

    private String cohortForm(Model model, long id, CohortForm form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("programme", programmes.get(id));
        return "social/cohort-form";
    }
}
