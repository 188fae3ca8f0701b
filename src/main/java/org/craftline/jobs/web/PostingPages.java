package org.craftline.jobs.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.jobs.domain.ApplicationQueries;
import org.craftline.jobs.domain.ApplicationStage;
import org.craftline.jobs.domain.JobAccess;
import org.craftline.jobs.domain.PostingForm;
import org.craftline.jobs.domain.PostingKind;
import org.craftline.jobs.domain.PostingQueries;
import org.craftline.jobs.domain.PostingView;
import org.craftline.jobs.domain.Postings;
import org.craftline.platform.Role;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Postings pages: the list each role reads, a posting with what its reader may do there (apply;
 * move its applicants; hide it from the school's students), and the unit's form.
 */
@Controller
@RequestMapping("/jobs/postings")
class PostingPages {

    private final PostingQueries queries;
    private final Postings postings;
    private final ApplicationQueries applications;
    private final JobAccess access;
    private final Clock clock;

    PostingPages(
            PostingQueries queries, Postings postings, ApplicationQueries applications, JobAccess access, Clock clock) {
        this.queries = queries;
        this.postings = postings;
        this.applications = applications;
        this.access = access;
        this.clock = clock;
    }

    @ModelAttribute
    void options(Model model) {
        model.addAttribute("kinds", PostingKind.values());
        model.addAttribute("stages", ApplicationStage.values());
        model.addAttribute("schoolSide", access.isSchoolSide());
        model.addAttribute("unitUser", access.user().role() == Role.ENTERPRISE);
    }

    @GetMapping
    String list(
            @RequestParam(required = false) PostingKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new PostingQueries.Filter(null, kind, null, q, open);
        model.addAttribute("filter", filter);
        model.addAttribute("postings", queries.list(filter, PageQuery.of(page, null, after)));
        return "jobs/postings";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        PostingView posting = queries.get(id);
        model.addAttribute("posting", posting);
        boolean keeper = access.user().role() == Role.ENTERPRISE || access.isSchoolSide();
        model.addAttribute(
                "applicants",
                keeper ? applications.list(new ApplicationQueries.Filter(id, null), PageQuery.of(1, 200)) : null);
        model.addAttribute("today", LocalDate.now(clock));
        return "jobs/posting";
    }

    @GetMapping("/new")
    String createForm(@RequestParam(required = false) Long enterprise, Model model) {
        if (access.user().role() == Role.STUDENT || access.user().role() == Role.BUREAU) {
            throw new AccessDeniedException("postings are written by units and schools");
        }
        return form(model, PostingForm.empty(enterprise, LocalDate.now(clock)), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") PostingForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> postings.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/jobs/postings/" + created.get().id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        PostingView p = queries.get(id);
        var form = new PostingForm(
                p.enterpriseId(),
                p.kind(),
                p.position(),
                p.majorCodes() == null
                        ? java.util.List.of()
                        : java.util.List.of(p.majorCodes().split(",")),
                p.minSkillRank(),
                p.headcount(),
                p.payFrom(),
                p.payTo(),
                p.town(),
                p.startsOn(),
                p.deadline(),
                p.description(),
                p.version());
        return form(model, form, p);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") PostingForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var updated = FormSubmission.run(errors, () -> postings.update(id, form));
        if (updated.isEmpty()) {
            return form(model, form, queries.get(id));
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/jobs/postings/" + id;
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes r) {
        return done(id, r, () -> postings.close(id, version));
    }

    @PostMapping("/{id}/hide")
    String hide(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes r) {
        return done(id, r, () -> postings.hide(id, reason));
    }

    @PostMapping("/{id}/unhide")
    String unhide(@PathVariable long id, RedirectAttributes r) {
        return done(id, r, () -> postings.unhide(id));
    }

    static String done(long postingId, RedirectAttributes redirect, Runnable change) {
        FormSubmission.flash(redirect, change);
        return "redirect:/jobs/postings/" + postingId;
    }

    private String form(Model model, PostingForm form, PostingView existing) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("existing", existing);
        return "jobs/posting-form";
    }
}
