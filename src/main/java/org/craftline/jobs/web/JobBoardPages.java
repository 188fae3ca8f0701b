package org.craftline.jobs.web;

import org.craftline.jobs.domain.JobBoard;
import org.craftline.jobs.domain.PostingKind;
import org.craftline.jobs.domain.RecommendationConsent;
import org.craftline.jobs.domain.SavedSearch;
import org.craftline.jobs.domain.SavedSearches;
import org.craftline.jobs.domain.SearchForm;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
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
import org.springframework.web.util.UriComponentsBuilder;

/** A graduate's own job board on its phone: postings that fit first, filters, saved searches, consent. */
@Controller
@RequestMapping("/me/jobs")
class JobBoardPages {

    private final JobBoard board;
    private final SavedSearches searches;
    private final RecommendationConsent consent;

    JobBoardPages(JobBoard board, SavedSearches searches, RecommendationConsent consent) {
        this.board = board;
        this.searches = searches;
        this.consent = consent;
    }

    @GetMapping
    String board(
            @RequestParam(required = false) PostingKind kind,
            @RequestParam(required = false) String town,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        JobBoard.Filter filter = new JobBoard.Filter(kind, town, q);
        return show(model, filter, page, SearchForm.of(filter));
    }

    @PostMapping("/searches")
    String save(
            @Validated @ModelAttribute("form") SearchForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var saved = FormSubmission.run(errors, () -> searches.save(form));
        if (saved.isEmpty()) {
            return show(model, new JobBoard.Filter(form.kind(), form.town(), form.searchText()), null, form);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:" + boardUri(saved.get());
    }

    /** A saved search re-run: the board with its filters. */
    @GetMapping("/searches/{id}")
    String run(@PathVariable long id) {
        return "redirect:" + boardUri(searches.get(id));
    }

    @PostMapping("/searches/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        searches.delete(id);
        redirect.addFlashAttribute("flashMessage", "jobs.search.deleted");
        return "redirect:/me/jobs";
    }

    @PostMapping("/opt-out")
    String optOut(@RequestParam boolean optedOut, RedirectAttributes redirect) {
        consent.set(optedOut);
        redirect.addFlashAttribute("flashMessage", optedOut ? "jobs.optOut.done" : "jobs.optIn.done");
        return "redirect:/me/jobs";
    }

    private String show(Model model, JobBoard.Filter filter, Integer page, SearchForm form) {
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", PostingKind.values());
        model.addAttribute("entries", board.list(filter, PageQuery.of(page, null)));
        model.addAttribute("searches", searches.list());
        model.addAttribute("maxSearches", SavedSearches.MAX);
        model.addAttribute("optedOut", consent.optedOut());
        model.addAttribute("form", form);
        return "jobs/board";
    }

    private static String boardUri(SavedSearch search) {
        return UriComponentsBuilder.fromPath("/me/jobs")
                .queryParamIfPresent("kind", java.util.Optional.ofNullable(search.kind()))
                .queryParamIfPresent("town", java.util.Optional.ofNullable(search.town()))
                .queryParamIfPresent("q", java.util.Optional.ofNullable(search.searchText()))
                .encode()
                .build()
                .toUriString();
    }
}
