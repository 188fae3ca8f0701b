package org.craftline.development.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.development.domain.AwardLevel;
import org.craftline.development.domain.HonourForm;
import org.craftline.development.domain.Honours;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.StoredFiles;
import org.craftline.platform.Tenancy;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.PageQuery;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
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

@Controller
@RequestMapping("/development/honours")
class HonourPages {

    private final Honours honours;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;
    private final Clock clock;

    HonourPages(Honours honours, OrganisationApi organisation, Tenancy tenancy, Clock clock) {
        this.honours = honours;
        this.organisation = organisation;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @ModelAttribute("levels")
    AwardLevel[] levels() {
        return AwardLevel.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) AwardLevel level,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        var filter = new Honours.Filter(level, year, q);
        model.addAttribute("filter", filter);
        model.addAttribute("honours", honours.list(filter, PageQuery.of(page, null)));
        return "development/honours";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("honour", honours.get(id));
        return "development/honour";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, HonourForm.empty(LocalDate.now(clock).getYear()));
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") HonourForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> honours.create(form));
        if (created.isEmpty()) {
            return form(model, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/development/honours/" + created.get().id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("honourId", id);
        return form(model, HonourForm.of(honours.get(id)));
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") HonourForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var updated = FormSubmission.run(errors, () -> honours.update(id, form));
        if (updated.isEmpty()) {
            model.addAttribute("honourId", id);
            return form(model, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/development/honours/" + id;
    }

    @PostMapping("/{id}/certificate")
    String attach(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            RedirectAttributes redirect) {
        try {
            honours.attach(id, file);
            redirect.addFlashAttribute("flashMessage", "saved");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return "redirect:/development/honours/" + id;
    }

    @GetMapping("/{id}/certificate")
    ResponseEntity<Resource> certificate(@PathVariable long id) {
        return StoredFiles.attachment(honours.certificate(id));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        honours.delete(id);
        redirect.addFlashAttribute("flashMessage", "deleted");
        return "redirect:/development/honours";
    }

    private String form(Model model, HonourForm form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "development/honour-form";
    }
}
