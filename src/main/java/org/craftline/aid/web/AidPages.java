package org.craftline.aid.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.aid.domain.DecisionForm;
import org.craftline.aid.domain.Decisions;
import org.craftline.aid.domain.Eligibility;
import org.craftline.aid.domain.GrantTier;
import org.craftline.aid.domain.RollUp;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Term;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The eligibility list of a term with the school's decisions (an administrator decides on each row),
 * and the roll-up per school and term.
 */
@Controller
@RequestMapping("/aid")
class AidPages {

    private final Eligibility eligibility;
    private final Decisions decisions;
    private final RollUp rollUp;
    private final Clock clock;

    AidPages(Eligibility eligibility, Decisions decisions, RollUp rollUp, Clock clock) {
        this.eligibility = eligibility;
        this.decisions = decisions;
        this.rollUp = rollUp;
        this.clock = clock;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String term,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Eligibility.Show show,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        Term shown = term == null || term.isBlank() ? Term.of(LocalDate.now(clock)) : Term.parse(term);
        var filter = new Eligibility.Filter(shown, school, q, show == null ? Eligibility.Show.ELIGIBLE : show);
        model.addAttribute("filter", filter);
        model.addAttribute("shows", Eligibility.Show.values());
        model.addAttribute("tiers", GrantTier.values());
        model.addAttribute("rows", eligibility.list(filter, PageQuery.of(page, null, after)));
        return "aid/eligibility";
    }

    /** Saves one row's decision and comes back to the same list; a refusal is shown above it. */
    @PostMapping("/decisions")
    String decide(
            @RequestParam String studentNumber,
            @RequestParam String term,
            @RequestParam(required = false) Boolean waiver,
            @RequestParam(required = false) GrantTier grantTier,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Eligibility.Show show,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            RedirectAttributes redirect) {
        var form = new DecisionForm(null, studentNumber, term, Boolean.TRUE.equals(waiver), grantTier, version);
        FormSubmission.flash(redirect, () -> decisions.decide(form));
        // as redirect attributes, the list's values are appended encoded and never read as a URI template
        redirect.addAttribute("term", Term.parse(term).toString());
        keep(redirect, "school", school);
        keep(redirect, "q", q);
        keep(redirect, "show", show == null ? null : show.name());
        keep(redirect, "page", page == null ? null : page.toString());
        keep(redirect, "after", after == null ? null : after.toString());
        return "redirect:/aid";
    }

    private static void keep(RedirectAttributes redirect, String name, String value) {
        if (value != null && !value.isBlank()) {
            redirect.addAttribute(name, value.strip());
        }
    }

    @GetMapping("/rollup")
    String rollUp(
            @RequestParam(required = false) String term, @RequestParam(required = false) Integer page, Model model) {
        Term shown = term == null || term.isBlank() ? null : Term.parse(term);
        model.addAttribute("term", shown == null ? "" : shown.toString());
        model.addAttribute("rows", rollUp.of(shown, PageQuery.of(page, null)));
        return "aid/rollup";
    }
}
