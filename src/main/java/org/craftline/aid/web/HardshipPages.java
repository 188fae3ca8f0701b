package org.craftline.aid.web;

import java.time.Clock;
import java.time.LocalDate;
import org.craftline.aid.domain.HardshipForm;
import org.craftline.aid.domain.HardshipLevel;
import org.craftline.aid.domain.Hardships;
import org.craftline.aid.domain.ReviewDecision;
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

/** Hardship recognitions: listed per school year, recorded and reviewed on a form of their own. */
@Controller
@RequestMapping("/aid/hardships")
class HardshipPages {

    private final Hardships hardships;
    private final Clock clock;

    HardshipPages(Hardships hardships, Clock clock) {
        this.hardships = hardships;
        this.clock = clock;
    }

    @ModelAttribute("levels")
    HardshipLevel[] levels() {
        return HardshipLevel.values();
    }

    @ModelAttribute("decisions")
    ReviewDecision[] decisions() {
        return ReviewDecision.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) Integer schoolYear,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new Hardships.Filter(schoolYear, q);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", hardships.list(filter, PageQuery.of(page, null, after)));
        return "aid/hardships";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute(
                "form", HardshipForm.empty(Term.of(LocalDate.now(clock)).startYear()));
        return form(model, null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") HardshipForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> hardships.create(form)).isEmpty()) {
            return form(model, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/aid/hardships";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("form", HardshipForm.of(hardships.get(id)));
        return form(model, id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") HardshipForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        hardships.get(id);
        if (FormSubmission.run(errors, () -> hardships.update(id, form)).isEmpty()) {
            return form(model, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/aid/hardships";
    }

    private static String form(Model model, Long id) {
        model.addAttribute("hardshipId", id);
        return "aid/hardship-form";
    }
}
