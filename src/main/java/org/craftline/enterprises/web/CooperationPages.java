package org.craftline.enterprises.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.enterprises.domain.CooperationForm;
import org.craftline.enterprises.domain.CooperationType;
import org.craftline.enterprises.domain.Cooperations;
import org.craftline.enterprises.domain.Enterprises;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.StoredFiles;
import org.craftline.platform.Tenancy;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.StaleEditException;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/cooperations")
class CooperationPages {

    private final Cooperations cooperations;
    private final Enterprises enterprises;
    private final EnterprisesApi registry;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;
    private final Clock clock;

    CooperationPages(
            Cooperations cooperations,
            Enterprises enterprises,
            EnterprisesApi registry,
            OrganisationApi organisation,
            Tenancy tenancy,
            Clock clock) {
        this.cooperations = cooperations;
        this.enterprises = enterprises;
        this.registry = registry;
        this.organisation = organisation;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @ModelAttribute("types")
    CooperationType[] types() {
        return CooperationType.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Long enterprise,
            @RequestParam(required = false) CooperationType type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeOn,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new Cooperations.Filter(enterprise, type, activeOn);
        model.addAttribute("filter", filter);
        model.addAttribute("enterprise", enterprise == null ? null : enterprises.get(enterprise));
        model.addAttribute("cooperations", cooperations.list(filter, PageQuery.of(page, null, after)));
        return "enterprises/cooperations";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("cooperation", cooperations.get(id));
        return "enterprises/cooperation";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) Long enterprise, Model model) {
        return form(model, CooperationForm.empty(enterprise, LocalDate.now(clock)));
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") CooperationForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> cooperations.create(form));
        if (created.isEmpty()) {
            return form(model, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/cooperations/" + created.get().id();
    }

    @PostMapping("/{id}/document")
    String attach(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) Integer version,
            Model model,
            RedirectAttributes redirect) {
        try {
            cooperations.attach(id, file, version);
            redirect.addFlashAttribute("flashMessage", "saved");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        } catch (StaleEditException e) {
            // the agreement as it is now, with who replaced its document; the form carries the stored
            // version, so uploading again is a deliberate replacement
            model.addAttribute("conflict", e);
            return show(id, model);
        }
        return "redirect:/cooperations/" + id;
    }

    @GetMapping("/{id}/document")
    ResponseEntity<Resource> document(@PathVariable long id) {
        return StoredFiles.attachment(cooperations.document(id));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        cooperations.delete(id);
        redirect.addFlashAttribute("flashMessage", "deleted");
        return "redirect:/cooperations";
    }

    private String form(Model model, CooperationForm form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute(
                "enterpriseName",
                form.enterpriseId() == null
                        ? null
                        : registry.byId(form.enterpriseId())
                                .map(EnterprisesApi.EnterpriseRef::name)
                                .orElse(null));
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "enterprises/cooperation-form";
    }
}
