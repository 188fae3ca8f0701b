package org.craftline.social.web;

import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.craftline.social.domain.CohortView;
import org.craftline.social.domain.Cohorts;
import org.craftline.social.domain.EnrolmentForm;
import org.craftline.social.domain.Enrolments;
import org.craftline.social.domain.Household;
import org.craftline.social.domain.OutcomeForm;
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

/** A cohort's trainees with attendance, completion and employment after training; enrol and record. */
@Controller
@RequestMapping("/social")
class CohortPages {

    private final Cohorts cohorts;
    private final Enrolments enrolments;

    CohortPages(Cohorts cohorts, Enrolments enrolments) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
    }

    @ModelAttribute("households")
    Household[] households() {
        return Household.values();
    }

    @GetMapping("/cohorts/{code}")
    String show(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer page,
            Model model) {
        CohortView cohort = cohorts.byCode(code, school);
        model.addAttribute("cohort", cohort);
        model.addAttribute("enrolments", enrolments.ofCohort(cohort, PageQuery.of(page, null)));
        return "social/cohort";
    }

    @GetMapping("/cohorts/{code}/enrol")
    String enrolForm(@PathVariable String code, @RequestParam(required = false) String school, Model model) {
        return enrolForm(model, cohorts.byCode(code, school), EnrolmentForm.empty());
    }

    @PostMapping("/cohorts/{code}/enrolments")
    String enrol(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @Validated @ModelAttribute("form") EnrolmentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> enrolments.enrol(code, school, form));
        CohortView cohort = cohorts.byCode(code, school);
        if (created.isEmpty()) {
            return enrolForm(model, cohort, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/social/cohorts/" + cohort.code() + "?school=" + cohort.schoolCode();
    }

    @GetMapping("/enrolments/{id}/edit")
    String outcomeForm(@PathVariable long id, Model model) {
        return outcomeForm(model, id, null);
    }

    @PostMapping("/enrolments/{id}")
    String record(
            @PathVariable long id,
            @Validated @ModelAttribute("form") OutcomeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var updated = FormSubmission.run(errors, () -> enrolments.record(id, form));
        if (updated.isEmpty()) {
            return outcomeForm(model, id, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/social/cohorts/" + updated.get().cohortCode() + "?school="
                + updated.get().schoolCode();
    }

    private String enrolForm(Model model, CohortView cohort, EnrolmentForm form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("cohort", cohort);
        return "social/enrol-form";
    }

    private String outcomeForm(Model model, long id, OutcomeForm form) {
        var enrolment = enrolments.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form == null ? OutcomeForm.of(enrolment) : form);
        }
        model.addAttribute("enrolment", enrolment);
        return "social/outcome-form";
    }
}
