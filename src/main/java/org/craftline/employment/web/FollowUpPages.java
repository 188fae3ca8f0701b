package org.craftline.employment.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.craftline.employment.domain.FollowUp;
import org.craftline.employment.domain.FollowUpConfirmations;
import org.craftline.employment.domain.FollowUpRounds;
import org.craftline.platform.SpreadsheetWriter;
import org.craftline.shared.FormSubmission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The school's follow-up rounds: open one, follow its response by class, remind, hand out the links. */
@Controller
class FollowUpPages {

    private final FollowUpRounds rounds;
    private final FollowUpConfirmations confirmations;
    private final Clock clock;

    FollowUpPages(FollowUpRounds rounds, FollowUpConfirmations confirmations, Clock clock) {
        this.rounds = rounds;
        this.confirmations = confirmations;
        this.clock = clock;
    }

    @ModelAttribute("points")
    List<FollowUp> points() {
        return List.of(FollowUp.MONTHS_6, FollowUp.YEAR_1, FollowUp.YEAR_3);
    }

    @ModelAttribute("today")
    LocalDate today() {
        return LocalDate.now(clock);
    }

    @GetMapping("/graduates/rounds")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new FollowUpRounds.OpenForm(
                            Year.now(clock).getValue() - 1, FollowUp.MONTHS_6, today().plusDays(30), null));
        }
        model.addAttribute("rounds", rounds.rounds());
        return "employment/rounds";
    }

    @PostMapping("/graduates/rounds")
    String open(
            @Valid @ModelAttribute("form") FollowUpRounds.OpenForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var opened = FormSubmission.run(errors, () -> rounds.open(form));
        if (opened.isEmpty()) {
            model.addAttribute("rounds", rounds.rounds());
            return "employment/rounds";
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/graduates/rounds/" + opened.get().id();
    }

    @GetMapping("/graduates/rounds/{id}")
    String round(@PathVariable long id, Model model) {
        model.addAttribute("round", rounds.round(id));
        model.addAttribute("classes", rounds.classes(id));
        return "employment/round";
    }

    @PostMapping("/graduates/rounds/{id}/remind")
    String remind(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashMessage", "followUp.remindedCount");
        redirect.addFlashAttribute("flashArg", rounds.remind(id));
        return "redirect:/graduates/rounds/" + id;
    }

    @PostMapping("/graduates/rounds/{id}/confirm-all")
    String confirmAll(@PathVariable long id, RedirectAttributes redirect) {
        var done = confirmations.confirmAll(id);
        redirect.addFlashAttribute("flashMessage", "followUp.confirmedCount");
        redirect.addFlashAttribute("flashArg", done.confirmed());
        if (done.skipped() > 0) {
            redirect.addFlashAttribute("flashError", "followUp.someLeftPending");
        }
        return "redirect:/graduates/rounds/" + id;
    }

    /** The unanswered graduates' links as CSV (UTF-8 with a byte order mark, so a spreadsheet reads the Chinese). */
    @GetMapping("/graduates/rounds/{id}/links.csv")
    void links(@PathVariable long id, HttpServletResponse response) throws IOException {
        rounds.round(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"follow-up-" + id + "-links.csv\"");
        try (SpreadsheetWriter csv = SpreadsheetWriter.of("csv", response.getOutputStream(), "links")) {
            csv.row(List.of("student_number", "name", "class", "link"));
            // the link whole, as the graduate opens it: this server's address as the request reached it
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
            rounds.unansweredLinks(id, base, csv::row);
        }
    }
}
