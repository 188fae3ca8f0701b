package org.craftline.talent.web;

import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.craftline.talent.domain.CertificateForm;
import org.craftline.talent.domain.CertificateKind;
import org.craftline.talent.domain.CertificateStatus;
import org.craftline.talent.domain.Certificates;
import org.craftline.talent.domain.Grade;
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
@RequestMapping("/talent/certificates")
class CertificatePages {

    private final Certificates certificates;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;

    CertificatePages(Certificates certificates, OrganisationApi organisation, Tenancy tenancy) {
        this.certificates = certificates;
        this.organisation = organisation;
        this.tenancy = tenancy;
    }

    @ModelAttribute("kinds")
    CertificateKind[] kinds() {
        return CertificateKind.values();
    }

    @ModelAttribute("grades")
    Grade[] grades() {
        return Grade.values();
    }

    @ModelAttribute("statuses")
    CertificateStatus[] statuses() {
        return CertificateStatus.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) CertificateKind kind,
            @RequestParam(required = false) Grade grade,
            @RequestParam(required = false) CertificateStatus status,
            @RequestParam(required = false) String holder,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new Certificates.Filter(kind, grade, status, holder, number);
        model.addAttribute("filter", filter);
        model.addAttribute("certificates", certificates.list(filter, PageQuery.of(page, null, after)));
        return "talent/certificates";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, CertificateForm.empty(), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") CertificateForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> certificates.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/talent/certificates?holder=" + created.get().holderNumber();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        return form(model, CertificateForm.of(certificates.get(id)), id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") CertificateForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        certificates.get(id); // out of scope: not found before any field error shows
        var updated = FormSubmission.run(errors, () -> certificates.update(id, form));
        if (updated.isEmpty()) {
            return form(model, form, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/talent/certificates?holder=" + updated.get().holderNumber();
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        certificates.delete(id);
        redirect.addFlashAttribute("flashMessage", "deleted");
        return "redirect:/talent/certificates";
    }

    private String form(Model model, CertificateForm form, Long id) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("certificateId", id);
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "talent/certificate-form";
    }
}
