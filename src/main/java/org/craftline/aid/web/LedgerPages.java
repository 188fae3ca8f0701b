package org.craftline.aid.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.aid.domain.AidKind;
import org.craftline.aid.domain.DisbursementForm;
import org.craftline.aid.domain.Disbursements;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Term;
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
 * The aid ledger: entries listed with cards masked, added on a form, reversed with a reason after a
 * confirmation, and an entry's card shown whole once by an audited reveal.
 */
@Controller
@RequestMapping("/aid/ledger")
class LedgerPages {

    private final Disbursements disbursements;
    private final Clock clock;

    LedgerPages(Disbursements disbursements, Clock clock) {
        this.disbursements = disbursements;
        this.clock = clock;
    }

    @ModelAttribute("kinds")
    AidKind[] kinds() {
        return AidKind.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String term,
            @RequestParam(required = false) AidKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new Disbursements.Filter(term, kind, q);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", disbursements.list(filter, PageQuery.of(page, null, after)));
        return "aid/ledger";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("form", DisbursementForm.empty(Term.of(today).toString(), today));
        return "aid/ledger-form";
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") DisbursementForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> disbursements.pay(form)).isEmpty()) {
            return "aid/ledger-form";
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/aid/ledger";
    }

    @PostMapping("/{id}/reverse")
    String reverse(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        FormSubmission.flash(redirect, () -> disbursements.reverse(id, reason));
        return "redirect:/aid/ledger";
    }

    /** Shows the entry with its card whole, once; the reveal is audited. */
    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("entry", disbursements.reveal(id));
        return "aid/revealed";
    }
}
