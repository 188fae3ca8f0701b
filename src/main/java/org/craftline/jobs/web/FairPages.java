package org.craftline.jobs.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.jobs.domain.FairAccess;
import org.craftline.jobs.domain.FairForms;
import org.craftline.jobs.domain.FairQueries;
import org.craftline.jobs.domain.FairStatus;
import org.craftline.jobs.domain.FairViews;
import org.craftline.jobs.domain.Fairs;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fairs pages: one list for every role (each sees the fairs it reaches), the school
 * administrator's forms to plan and change a fair, and the fair's printed list.
 */
@Controller
@RequestMapping("/fairs")
class FairPages {

    private final FairQueries queries;
    private final Fairs fairs;
    private final FairAccess access;
    private final FairSheet sheet;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;
    private final Clock clock;

    FairPages(
            FairQueries queries,
            Fairs fairs,
            FairAccess access,
            FairSheet sheet,
            OrganisationApi organisation,
            Tenancy tenancy,
            Clock clock) {
        this.queries = queries;
        this.fairs = fairs;
        this.access = access;
        this.sheet = sheet;
        this.organisation = organisation;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("statuses", FairStatus.values());
        model.addAttribute("administrator", access.isAdministrator());
    }

    @GetMapping
    String list(
            @RequestParam(required = false) FairStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("fairs", queries.list(status, q, PageQuery.of(page, null, after)));
        return "jobs/fairs";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        checkAdministrator();
        return form(model, FairForms.FairForm.empty(LocalDate.now(clock)), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") FairForms.FairForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> fairs.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/fairs/" + created.get().id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        checkAdministrator();
        FairViews.FairView f = queries.get(id);
        var form = new FairForms.FairForm(f.schoolCode(), f.name(), f.heldOn(), f.place(), f.status(), f.version());
        return form(model, form, f);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") FairForms.FairForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var updated = FormSubmission.run(errors, () -> fairs.update(id, form));
        if (updated.isEmpty()) {
            return form(model, form, queries.get(id));
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/fairs/" + id;
    }

    @GetMapping("/{id}/sheet")
    ResponseEntity<byte[]> sheet(@PathVariable long id) {
        return sheet.download(id);
    }

    private String form(Model model, FairForms.FairForm form, FairViews.FairView existing) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("existing", existing);
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "jobs/fair-form";
    }

    private void checkAdministrator() {
        if (!access.isAdministrator()) {
            throw new AccessDeniedException("fairs are planned by the school's administrator");
        }
    }
}
