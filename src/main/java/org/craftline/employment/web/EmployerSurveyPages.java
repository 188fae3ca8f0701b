package org.craftline.employment.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import org.craftline.employment.domain.EmployerSurveys;
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

/**
 * The employer survey: the school's pages (open a year's survey, follow the units' answers, hand out
 * their links), the enterprise's ({@code /employer-ratings}: its unit's requests, answered on the
 * portal) and the personal link's page, which a unit answers without a password.
 */
@Controller
class EmployerSurveyPages {

    private final EmployerSurveys surveys;
    private final Clock clock;

    EmployerSurveyPages(EmployerSurveys surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    @ModelAttribute("today")
    LocalDate today() {
        return LocalDate.now(clock);
    }

    @GetMapping("/graduates/employer-surveys")
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form", new EmployerSurveys.OpenForm(Year.now(clock).getValue() - 1, today().plusDays(30), null));
        }
        model.addAttribute("surveys", surveys.surveys());
        return "employment/employer-surveys";
    }

    @PostMapping("/graduates/employer-surveys")
    String open(
            @Valid @ModelAttribute("form") EmployerSurveys.OpenForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var opened = FormSubmission.run(errors, () -> surveys.open(form));
        if (opened.isEmpty()) {
            model.addAttribute("surveys", surveys.surveys());
            return "employment/employer-surveys";
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/graduates/employer-surveys/" + opened.get().id();
    }

    @GetMapping("/graduates/employer-surveys/{id}")
    String survey(@PathVariable long id, Model model) {
        model.addAttribute("survey", surveys.survey(id));
        model.addAttribute("ratings", surveys.ratings(id));
        return "employment/employer-survey";
    }

    /** The unanswered units' links as CSV (UTF-8 with a byte order mark). */
    @GetMapping("/graduates/employer-surveys/{id}/links.csv")
    void links(@PathVariable long id, HttpServletResponse response) throws IOException {
        surveys.survey(id);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"employer-survey-" + id + "-links.csv\"");
        try (SpreadsheetWriter csv = SpreadsheetWriter.of("csv", response.getOutputStream(), "links")) {
            csv.row(List.of("unit", "graduates", "link"));
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
            surveys.unansweredLinks(id, base, csv::row);
        }
    }

    @GetMapping("/employer-ratings")
    String mine(Model model) {
        model.addAttribute("ratings", surveys.mine());
        return "employment/employer-ratings";
    }

    @GetMapping("/employer-ratings/{id}")
    String rateMine(@PathVariable long id, Model model) {
        return rate(surveys.mine(id), "/employer-ratings/" + id, model);
    }

    @PostMapping("/employer-ratings/{id}")
    String answerMine(
            @PathVariable long id,
            @Valid @ModelAttribute("form") EmployerSurveys.RatingForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> surveys.answerMine(id, form)).isEmpty()) {
            return rate(surveys.mine(id), "/employer-ratings/" + id, model);
        }
        redirect.addFlashAttribute("flashMessage", "employerSurvey.thanks");
        return "redirect:/employer-ratings";
    }

    @GetMapping("/public/employer-rating/{token}")
    String rateByLink(@PathVariable String token, Model model) {
        return rate(surveys.request(token), EmployerSurveys.path(token), model);
    }

    @PostMapping("/public/employer-rating/{token}")
    String answerByLink(
            @PathVariable String token,
            @Valid @ModelAttribute("form") EmployerSurveys.RatingForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var rating = surveys.request(token);
        if (FormSubmission.run(errors, () -> {
                    surveys.answer(token, form);
                    return true;
                })
                .isEmpty()) {
            return rate(rating, EmployerSurveys.path(token), model);
        }
        redirect.addFlashAttribute("flashMessage", "employerSurvey.thanks");
        return "redirect:" + EmployerSurveys.path(token);
    }

    private String rate(EmployerSurveys.RatingView rating, String action, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", EmployerSurveys.RatingForm.empty());
        }
        model.addAttribute("rating", rating);
        model.addAttribute("closed", rating.closed(today()));
        model.addAttribute("action", action);
        return "employment/employer-rate";
    }
}
