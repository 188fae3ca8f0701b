package org.craftline.talent.web;

import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.talent.domain.CertificateKind;
import org.craftline.talent.domain.Grade;
import org.craftline.talent.domain.TalentSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The school's designation of the skill grade that makes a senior craftsman. */
@Controller
@RequestMapping("/talent/settings")
class SettingsPages {

    private final TalentSettings settings;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;

    SettingsPages(TalentSettings settings, OrganisationApi organisation, Tenancy tenancy) {
        this.settings = settings;
        this.organisation = organisation;
        this.tenancy = tenancy;
    }

    @GetMapping
    String show(@RequestParam(required = false) String school, Model model) {
        model.addAttribute("setting", settings.of(school));
        model.addAttribute("skillGrades", Grade.of(CertificateKind.SKILL));
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "talent/settings";
    }

    @PostMapping
    String save(
            @RequestParam(required = false) String schoolCode,
            @RequestParam(required = false) Grade seniorSkillGrade,
            RedirectAttributes redirect) {
        try {
            var saved = settings.save(new TalentSettings.Setting(schoolCode, seniorSkillGrade));
            redirect.addFlashAttribute("flashMessage", "saved");
            return "redirect:/talent/settings?school=" + saved.schoolCode();
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/talent/settings";
        }
    }
}
