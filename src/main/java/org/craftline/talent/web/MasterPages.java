package org.craftline.talent.web;

import jakarta.validation.Valid;
import org.craftline.platform.Tenancy;
import org.craftline.shared.PageQuery;
import org.craftline.shared.StaleEditException;
import org.craftline.talent.domain.CertificateKind;
import org.craftline.talent.domain.ConsentForm;
import org.craftline.talent.domain.Grade;
import org.craftline.talent.domain.Masters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The school's masters with their consent, and the public page of those who consented. */
@Controller
class MasterPages {

    private final Masters masters;
    private final Tenancy tenancy;

    MasterPages(Masters masters, Tenancy tenancy) {
        this.masters = masters;
        this.tenancy = tenancy;
    }

    @GetMapping("/talent/masters")
    String list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Grade level,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("levels", java.util.List.of(Grade.NATIONAL, Grade.PROVINCIAL, Grade.MUNICIPAL));
        model.addAttribute("level", level);
        model.addAttribute("school", school);
        model.addAttribute(
                "masters",
                masters.list(
                        school,
                        level == null || level.kind() != CertificateKind.MASTER ? null : level,
                        PageQuery.of(page, null)));
        Long own = tenancy.currentUser().schoolId();
        model.addAttribute(
                "publicSchool",
                school != null && !school.isBlank() ? school : own == null ? null : masters.schoolCode(own));
        return "talent/masters";
    }

    @PostMapping("/talent/masters/{studentNumber}/consent")
    String consent(
            @PathVariable String studentNumber,
            @RequestParam(required = false) String schoolCode,
            @Valid @ModelAttribute ConsentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", "talent.consent.invalid");
            return "redirect:/talent/masters";
        }
        try {
            masters.consent(schoolCode, studentNumber, form);
        } catch (StaleEditException e) {
            // the list as it is now, with who changed the consent; the row keeps what was typed and
            // carries the stored version, so saving it again is a deliberate replacement
            model.addAttribute("conflict", e);
            model.addAttribute("typedStudent", studentNumber);
            model.addAttribute("typed", form);
            return list(schoolCode, null, null, model);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/talent/masters";
    }

    @GetMapping("/public/masters/{schoolCode}")
    String published(@PathVariable String schoolCode, Model model) {
        model.addAttribute("schoolName", masters.schoolName(schoolCode));
        model.addAttribute("masters", masters.published(schoolCode));
        return "talent/public-masters";
    }
}
