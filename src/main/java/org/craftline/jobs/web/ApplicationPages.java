package org.craftline.jobs.web;

import org.craftline.jobs.domain.ApplicationQueries;
import org.craftline.jobs.domain.ApplicationStage;
import org.craftline.jobs.domain.ApplicationView;
import org.craftline.jobs.domain.Applications;
import org.craftline.jobs.domain.StageForm;
import org.craftline.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Applications pages: a student's own, a unit's applicants, a school's students'; applying, moving, withdrawing. */
@Controller
class ApplicationPages {

    private final ApplicationQueries queries;
    private final Applications applications;

    ApplicationPages(ApplicationQueries queries, Applications applications) {
        this.queries = queries;
        this.applications = applications;
    }

    @GetMapping("/jobs/applications")
    String list(
            @RequestParam(required = false) ApplicationStage stage,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        model.addAttribute("stage", stage);
        model.addAttribute("stages", ApplicationStage.values());
        model.addAttribute(
                "applications",
                queries.list(new ApplicationQueries.Filter(null, stage), PageQuery.of(page, null, after)));
        return "jobs/applications";
    }

    @PostMapping("/jobs/postings/{id}/apply")
    String apply(@PathVariable long id, RedirectAttributes redirect) {
        return PostingPages.done(id, redirect, () -> applications.apply(id));
    }

    @PostMapping("/jobs/applications/{id}/stage")
    String move(
            @PathVariable long id,
            @Validated @ModelAttribute StageForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        ApplicationView application = queries.get(id);
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", "application.stage.notAllowed");
            return "redirect:/jobs/postings/" + application.postingId();
        }
        return PostingPages.done(application.postingId(), redirect, () -> applications.move(id, form));
    }

    @PostMapping("/jobs/applications/{id}/withdraw")
    String withdraw(
            @PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect) {
        ApplicationView application = queries.get(id);
        PostingPages.done(application.postingId(), redirect, () -> applications.withdraw(id, version));
        return "redirect:/jobs/applications";
    }
}
