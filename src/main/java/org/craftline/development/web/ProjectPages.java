package org.craftline.development.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.development.domain.AwardLevel;
import org.craftline.development.domain.BudgetLineForm;
import org.craftline.development.domain.ExpenditureForm;
import org.craftline.development.domain.Expenditures;
import org.craftline.development.domain.LineCategory;
import org.craftline.development.domain.ProjectForm;
import org.craftline.development.domain.ProjectStatus;
import org.craftline.development.domain.Projects;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.PageQuery;
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
@RequestMapping("/development/projects")
class ProjectPages {

    private final Projects projects;
    private final Expenditures expenditures;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;
    private final Clock clock;

    ProjectPages(
            Projects projects, Expenditures expenditures, OrganisationApi organisation, Tenancy tenancy, Clock clock) {
        this.projects = projects;
        this.expenditures = expenditures;
        this.organisation = organisation;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @ModelAttribute("levels")
    AwardLevel[] levels() {
        return AwardLevel.values();
    }

    @ModelAttribute("statuses")
    ProjectStatus[] statuses() {
        return ProjectStatus.values();
    }

    @ModelAttribute("categories")
    LineCategory[] categories() {
        return LineCategory.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) ProjectStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new Projects.Filter(year, status, q);
        model.addAttribute("filter", filter);
        model.addAttribute("projects", projects.list(filter, PageQuery.of(page, null, after)));
        return "development/projects";
    }

    @GetMapping("/{id}")
    String show(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        model.addAttribute("ledger", projects.ledger(id));
        model.addAttribute("entries", expenditures.list(id, PageQuery.of(page, null, after)));
        return "development/project";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return projectForm(model, ProjectForm.empty(LocalDate.now(clock).getYear()), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") ProjectForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> projects.create(form));
        if (created.isEmpty()) {
            return projectForm(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/development/projects/" + created.get().id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return projectForm(model, ProjectForm.of(projects.get(id)), id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") ProjectForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var updated = FormSubmission.run(errors, () -> projects.update(id, form));
        if (updated.isEmpty()) {
            return projectForm(model, form, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/development/projects/" + id;
    }

    @GetMapping("/{id}/lines/new")
    String lineForm(@PathVariable long id, Model model) {
        return lineForm(model, id, BudgetLineForm.empty());
    }

    @PostMapping("/{id}/lines")
    String addLine(
            @PathVariable long id,
            @Validated @ModelAttribute("form") BudgetLineForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> projects.addLine(id, form)).isEmpty()) {
            return lineForm(model, id, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/development/projects/" + id;
    }

    @GetMapping("/{id}/expenditures/new")
    String expenditureForm(@PathVariable long id, Model model) {
        return expenditureForm(model, id, ExpenditureForm.empty(LocalDate.now(clock)));
    }

    @PostMapping("/{id}/expenditures")
    String spend(
            @PathVariable long id,
            @Validated @ModelAttribute("form") ExpenditureForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> expenditures.spend(id, form)).isEmpty()) {
            return expenditureForm(model, id, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/development/projects/" + id;
    }

    /** Asks for the reason and a confirmation before an entry is reversed. */
    @GetMapping("/{id}/expenditures/{entry}/reverse")
    String reverseForm(@PathVariable long id, @PathVariable long entry, Model model) {
        model.addAttribute("project", projects.get(id));
        model.addAttribute("entry", expenditures.get(id, entry));
        return "development/reverse";
    }

    @PostMapping("/{id}/expenditures/{entry}/reverse")
    String reverse(
            @PathVariable long id,
            @PathVariable long entry,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            expenditures.reverse(id, entry, reason);
            redirect.addFlashAttribute("flashMessage", "expenditure.reversed");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/development/projects/" + id + "/expenditures/" + entry + "/reverse";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/development/projects/" + id;
    }

    private String projectForm(Model model, ProjectForm form, Long id) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("projectId", id);
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "development/project-form";
    }

    private String lineForm(Model model, long id, BudgetLineForm form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("project", projects.get(id));
        return "development/line-form";
    }

    private String expenditureForm(Model model, long id, ExpenditureForm form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("ledger", projects.ledger(id));
        return "development/expenditure-form";
    }
}
