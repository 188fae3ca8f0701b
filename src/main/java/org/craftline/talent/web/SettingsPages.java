package org.craftline.talent.web;

import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.FormSubmission;
import org.craftline.talent.domain.Grade;
import org.craftline.talent.domain.TalentSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
        var setting = settings.of(school);
        return page(
                setting, new SettingForm(setting.schoolCode(), setting.seniorSkillGrade(), setting.version()), model);
    }

    /** The page's form: the designation replaced whole, and the version it was read at. */
    record SettingForm(String schoolCode, Grade seniorSkillGrade, Integer version) {}

    @PostMapping
    String save(
            @ModelAttribute("form") SettingForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        var saved = FormSubmission.run(
                errors,
                () -> settings.save(
                        new TalentSettings.Setting(form.schoolCode(), form.seniorSkillGrade(), form.version())));
        if (saved.isEmpty()) {
            return page(settings.of(form.schoolCode()), form, model);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/talent/settings?school=" + saved.get().schoolCode();
    }

    private String page(TalentSettings.Setting setting, SettingForm form, Model model) {
        model.addAttribute("setting", setting);
        model.addAttribute("form", form);
        model.addAttribute("skillGrades", Grade.seniorSkillChoices());
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "talent/settings";
    }
}
