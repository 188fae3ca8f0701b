package org.craftline.organisation.web;

import org.craftline.organisation.domain.Classes;
import org.craftline.organisation.domain.Forms.StaffForm;
import org.craftline.organisation.domain.StaffCategory;
import org.craftline.organisation.domain.StaffMembers;
import org.craftline.organisation.domain.Views.StaffView;
import org.craftline.shared.ConflictException;
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
@RequestMapping("/organisation/staff")
class StaffPages {

    private final StaffMembers staff;
    private final Classes classes;
    private final FormOptions options;

    StaffPages(StaffMembers staff, Classes classes, FormOptions options) {
        this.staff = staff;
        this.classes = classes;
        this.options = options;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) StaffCategory category,
            @RequestParam(required = false) Boolean fullTime,
            @RequestParam(required = false) Boolean dualQualified,
            @RequestParam(required = false) Integer page,
            Model model) {
        var filter = new StaffMembers.Filter(school, q, category, fullTime, dualQualified);
        model.addAttribute("filter", filter);
        model.addAttribute("staff", staff.list(filter, PageQuery.of(page, null)));
        model.addAttribute("schoolOptions", options.schools());
        model.addAttribute("categories", StaffCategory.values());
        return "organisation/staff-list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        StaffView member = staff.get(id);
        model.addAttribute("member", member);
        model.addAttribute(
                "advised",
                classes.list(
                                new Classes.Filter(member.schoolCode(), null, null, null, member.staffNumber()),
                                PageQuery.of(1, PageQuery.MAX_SIZE))
                        .items());
        return "organisation/staff";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, new StaffForm("", "", "", "", StaffCategory.TEACHER, true, false, null), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") StaffForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> staff.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/staff/" + created.get().id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        StaffView s = staff.get(id);
        return form(
                model,
                new StaffForm(
                        s.schoolCode(),
                        s.staffNumber(),
                        s.name(),
                        s.title(),
                        s.category(),
                        s.fullTime(),
                        s.dualQualified(),
                        s.version()),
                id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") StaffForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> staff.update(id, form)).isEmpty()) {
            return form(model, form, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/staff/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            staff.delete(id);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/organisation/staff/" + id;
        }
        redirect.addFlashAttribute("flashMessage", "deleted");
        return "redirect:/organisation/staff";
    }

    private String form(Model model, StaffForm form, Long id) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("id", id);
        model.addAttribute("schoolOptions", options.schools());
        model.addAttribute("categories", StaffCategory.values());
        return "organisation/staff-form";
    }
}
