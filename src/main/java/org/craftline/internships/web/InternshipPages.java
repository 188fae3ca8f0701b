package org.craftline.internships.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.internships.domain.InternshipAccess;
import org.craftline.internships.domain.InternshipKind;
import org.craftline.internships.domain.InternshipStatus;
import org.craftline.internships.domain.PlacementChanges;
import org.craftline.internships.domain.PlacementForm;
import org.craftline.internships.domain.PlacementQueries;
import org.craftline.internships.domain.PlacementView;
import org.craftline.internships.domain.Placements;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.springframework.security.access.AccessDeniedException;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The placements pages: one list for every role (each sees what it reaches: the school its
 * school's, the enterprise its unit's interns, the student its own), a placement's page, and the
 * school's forms to plan and change one.
 */
@Controller
@RequestMapping("/internships")
class InternshipPages {

    private final PlacementQueries queries;
    private final Placements placements;
    private final PlacementChanges changes;
    private final InternshipAccess access;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;
    private final Clock clock;
    private final PlacementRecordModel record;

    InternshipPages(
            PlacementQueries queries,
            Placements placements,
            PlacementChanges changes,
            InternshipAccess access,
            OrganisationApi organisation,
            Tenancy tenancy,
            Clock clock,
            PlacementRecordModel record) {
        this.queries = queries;
        this.placements = placements;
        this.changes = changes;
        this.access = access;
        this.organisation = organisation;
        this.tenancy = tenancy;
        this.clock = clock;
        this.record = record;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("kinds", InternshipKind.values());
        model.addAttribute("statuses", InternshipStatus.values());
        model.addAttribute("schoolSide", access.isSchoolSide());
    }

    @GetMapping
    String list(
            @RequestParam(name = "class", required = false) Long classId,
            @RequestParam(required = false) Long enterprise,
            @RequestParam(required = false) InternshipStatus status,
            @RequestParam(required = false) InternshipKind kind,
            @RequestParam(required = false) Boolean atRisk,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new PlacementQueries.Filter(classId, enterprise, status, kind, atRisk, q);
        model.addAttribute("filter", filter);
        model.addAttribute("placements", queries.list(filter, PageQuery.of(page, null, after)));
        return "internships/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        PlacementView p = queries.get(id);
        model.addAttribute("placement", p);
        model.addAttribute("history", queries.history(id));
        record.fill(p, model);
        model.addAttribute("today", LocalDate.now(clock));
        return "internships/detail";
    }

    @GetMapping("/new")
    String createForm(
            @RequestParam(required = false) String student,
            @RequestParam(required = false) Long enterprise,
            Model model) {
        checkSchoolSide();
        return form(model, PlacementForm.empty(student, enterprise, LocalDate.now(clock)), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") PlacementForm form,
            BindingResult errors,
            @RequestParam(name = "agreement", required = false) MultipartFile agreement,
            @RequestParam(name = "consent", required = false) MultipartFile consent,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> placements.create(form, agreement, consent));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/internships/" + created.get().id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        checkSchoolSide();
        PlacementView p = queries.get(id);
        return form(model, PlacementForms.of(p), p);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") PlacementForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var updated = FormSubmission.run(errors, () -> placements.update(id, form));
        if (updated.isEmpty()) {
            return form(model, form, queries.get(id));
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/internships/" + id;
    }

    private String form(Model model, PlacementForm form, PlacementView existing) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("existing", existing);
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        model.addAttribute("administrator", access.isAdministrator());
        return "internships/form";
    }

    private void checkSchoolSide() {
        if (!access.isSchoolSide()) {
            throw new AccessDeniedException("placements are planned by the school");
        }
    }
}
