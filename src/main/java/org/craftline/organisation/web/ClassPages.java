package org.craftline.organisation.web;

import org.craftline.organisation.domain.Classes;
import org.craftline.organisation.domain.Forms.ClassForm;
import org.craftline.organisation.domain.Views.ClassView;
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
@RequestMapping("/organisation/classes")
class ClassPages {

    private final Classes classes;
    private final FormOptions options;

    ClassPages(Classes classes, FormOptions options) {
        this.classes = classes;
        this.options = options;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String major,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        var filter = new Classes.Filter(school, major, year, q, null);
        model.addAttribute("filter", filter);
        model.addAttribute("classes", classes.list(filter, PageQuery.of(page, null)));
        model.addAttribute("schoolOptions", options.schools());
        model.addAttribute("majorOptions", options.majors());
        return "organisation/classes";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("schoolClass", classes.get(id));
        return "organisation/class";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, new ClassForm("", "", java.time.Year.now().getValue(), "", "", null), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") ClassForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> classes.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/classes/" + created.get().id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ClassView c = classes.get(id);
        return form(
                model,
                new ClassForm(c.schoolCode(), c.majorCode(), c.entryYear(), c.name(), c.adviserNumber(), c.version()),
                id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") ClassForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> classes.update(id, form)).isEmpty()) {
            return form(model, form, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/classes/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        classes.delete(id);
        redirect.addFlashAttribute("flashMessage", "deleted");
        return "redirect:/organisation/classes";
    }

    private String form(Model model, ClassForm form, Long id) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("id", id);
        model.addAttribute("schoolOptions", options.schools());
        model.addAttribute("majorOptions", options.majors());
        return "organisation/class-form";
    }
}
