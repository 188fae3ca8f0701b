package org.craftline.employment.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.craftline.employment.domain.Channel;
import org.craftline.employment.domain.DestinationKind;
import org.craftline.employment.domain.EmploymentTerms;
import org.craftline.employment.domain.FollowUpAnswers;
import org.craftline.employment.domain.PayBand;
import org.craftline.employment.domain.Sector;
import org.craftline.shared.FormSubmission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A graduate's personal follow-up link: the round's questions on a phone, without a password. */
@Controller
class FollowUpLinkPages {

    private final FollowUpAnswers answers;
    private final Clock clock;

    FollowUpLinkPages(FollowUpAnswers answers, Clock clock) {
        this.answers = answers;
        this.clock = clock;
    }

    @GetMapping("/public/follow-up/{token}")
    String page(@PathVariable String token, Model model) {
        var request = answers.request(token);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form", new FollowUpAnswers.AnswerForm(null, "", "", "", true, EmploymentTerms.NONE, null));
        }
        return show(token, request, model);
    }

    @PostMapping("/public/follow-up/{token}")
    String answer(
            @PathVariable String token,
            @Valid @ModelAttribute("form") FollowUpAnswers.AnswerForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var request = answers.request(token);
        if (FormSubmission.run(errors, () -> {
                    answers.answer(token, form);
                    return true;
                })
                .isEmpty()) {
            return show(token, request, model);
        }
        redirect.addFlashAttribute("flashMessage", "followUp.thanks");
        return "redirect:/public/follow-up/" + token;
    }

    private String show(String token, FollowUpAnswers.Request request, Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("token", token);
        model.addAttribute("request", request);
        model.addAttribute("closed", request.closed(today));
        model.addAttribute("units", answers.unitNames(request.schoolId()));
        model.addAttribute("kinds", DestinationKind.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("payBands", PayBand.values());
        return "employment/follow-up-answer";
    }
}
