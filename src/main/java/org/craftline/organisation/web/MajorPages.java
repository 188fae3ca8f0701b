package org.craftline.organisation.web;

import org.craftline.organisation.domain.Forms.MajorForm;
import org.craftline.organisation.domain.Majors;
import org.craftline.organisation.domain.Views.MajorView;
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

@Controller
@RequestMapping("/organisation/majors")
class MajorPages {

    private final Majors majors;
    private final FormOptions options;

    MajorPages(Majors majors, FormOptions options) {
        this.majors = majors;
        this.options = options;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("school", school);
        model.addAttribute("majors", majors.list(q, school, PageQuery.of(page, null)));
        model.addAttribute("schoolOptions", options.schools());
        return "organisation/majors";
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
        model.addAttribute("major", majors.get(code));
        return "organisation/major";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, new MajorForm("", "", "", null), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") MajorForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> majors.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/majors/" + created.get().code();
    }

    @GetMapping("/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        MajorView m = majors.get(code);
        return form(model, new MajorForm(m.code(), m.name(), m.nameEn(), m.version()), code);
    }

    @PostMapping("/{code}")
    String update(
            @PathVariable String code,
            @Validated @ModelAttribute("form") MajorForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> majors.update(code, form)).isEmpty()) {
            return form(model, form, code);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/majors/" + code;
    }

    private String form(Model model, MajorForm form, String code) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("code", code);
        return "organisation/major-form";
    }
}
