package org.craftline.organisation.web;

import java.util.List;
import org.craftline.organisation.domain.Classes;
import org.craftline.organisation.domain.Forms.SchoolForm;
import org.craftline.organisation.domain.Schools;
import org.craftline.organisation.domain.StaffMembers;
import org.craftline.organisation.domain.Views.MajorView;
import org.craftline.organisation.domain.Views.SchoolView;
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
@RequestMapping("/organisation/schools")
class SchoolPages {

    private final Schools schools;
    private final Classes classes;
    private final StaffMembers staff;
    private final FormOptions options;

    SchoolPages(Schools schools, Classes classes, StaffMembers staff, FormOptions options) {
        this.schools = schools;
        this.classes = classes;
        this.staff = staff;
        this.options = options;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("schools", schools.list(q, region, PageQuery.of(page, null)));
        model.addAttribute("regionOptions", options.regions());
        return "organisation/schools";
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
        model.addAttribute("school", schools.get(code));
        model.addAttribute("majors", schools.majorsOffered(code));
        model.addAttribute(
                "classCount",
                classes.list(new Classes.Filter(code, null, null, null, null), PageQuery.of(1, 1))
                        .total());
        model.addAttribute(
                "staffCount",
                staff.list(new StaffMembers.Filter(code, null, null, null, null), PageQuery.of(1, 1))
                        .total());
        return "organisation/school";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, new SchoolForm("", "", "", "", null, List.of(), null), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") SchoolForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> schools.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/schools/" + created.get().code();
    }

    @GetMapping("/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        SchoolView s = schools.get(code);
        List<String> majors =
                schools.majorsOffered(code).stream().map(MajorView::code).toList();
        return form(
                model,
                new SchoolForm(s.code(), s.name(), s.nameEn(), s.regionCode(), s.foundedYear(), majors, s.version()),
                code);
    }

    @PostMapping("/{code}")
    String update(
            @PathVariable String code,
            @Validated @ModelAttribute("form") SchoolForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> schools.update(code, form)).isEmpty()) {
            return form(model, form, code);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/schools/" + code;
    }

    private String form(Model model, SchoolForm form, String code) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("code", code);
        model.addAttribute("regionChangeable", code == null || schools.regionChangeable());
        model.addAttribute("regionOptions", options.regions());
        model.addAttribute("majorOptions", options.majors());
        return "organisation/school-form";
    }
}
