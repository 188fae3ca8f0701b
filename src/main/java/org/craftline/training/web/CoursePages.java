package org.craftline.training.web;

import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.PageQuery;
import org.craftline.training.domain.CourseDetail;
import org.craftline.training.domain.CourseForm;
import org.craftline.training.domain.CourseResults;
import org.craftline.training.domain.CourseView;
import org.craftline.training.domain.Courses;
import org.craftline.training.domain.ItemForm;
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
 * Courses by major, a course's items with the terms they are required in, its students' results
 * (read-only: they come from the {@code course-results} import), and the syllabus edits.
 */
@Controller
@RequestMapping("/training/courses")
class CoursePages {

    private final Courses courses;
    private final CourseResults results;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;

    CoursePages(Courses courses, CourseResults results, OrganisationApi organisation, Tenancy tenancy) {
        this.courses = courses;
        this.results = results;
        this.organisation = organisation;
        this.tenancy = tenancy;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String major,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("school", school);
        model.addAttribute("major", major);
        model.addAttribute("majorOptions", ownMajors());
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        model.addAttribute("courses", courses.list(school, major, PageQuery.of(page, null)));
        return "training/courses";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, CourseForm.empty(), false);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") CourseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> courses.create(form));
        if (created.isEmpty()) {
            return form(model, form, false);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return redirectTo(created.get());
    }

    @GetMapping("/{code}")
    String show(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer page,
            Model model) {
        return detail(model, courses.detail(school, code), page);
    }

    @GetMapping("/{code}/edit")
    String editForm(@PathVariable String code, @RequestParam(required = false) String school, Model model) {
        CourseView c = courses.get(school, code);
        return form(
                model,
                new CourseForm(c.schoolCode(), c.code(), c.name(), c.majorCode(), c.required(), c.version()),
                true);
    }

    @PostMapping("/{code}")
    String update(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @Validated @ModelAttribute("form") CourseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var updated = FormSubmission.run(errors, () -> courses.update(school, code, form));
        if (updated.isEmpty()) {
            return form(model, form, true);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return redirectTo(updated.get());
    }

    @PostMapping("/{code}/delete")
    String delete(
            @PathVariable String code, @RequestParam(required = false) String school, RedirectAttributes redirect) {
        try {
            courses.delete(school, code);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return redirectTo(courses.get(school, code));
        }
        redirect.addFlashAttribute("flashMessage", "deleted");
        return "redirect:/training/courses";
    }

    @PostMapping("/{code}/items")
    String addItem(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @Validated @ModelAttribute("itemForm") ItemForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> courses.addItem(school, code, form))
                .isEmpty()) {
            return detail(model, courses.detail(school, code), null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return redirectTo(courses.get(school, code));
    }

    @PostMapping("/{code}/items/{itemCode}/delete")
    String deleteItem(
            @PathVariable String code,
            @PathVariable String itemCode,
            @RequestParam(required = false) String school,
            RedirectAttributes redirect) {
        return syllabusChange(redirect, school, code, () -> courses.deleteItem(school, code, itemCode));
    }

    @PostMapping("/{code}/requirements")
    String require(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @RequestParam String itemCode,
            @RequestParam String term,
            RedirectAttributes redirect) {
        return syllabusChange(redirect, school, code, () -> courses.require(school, code, itemCode, term));
    }

    @PostMapping("/{code}/requirements/delete")
    String unrequire(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @RequestParam String itemCode,
            @RequestParam String term,
            RedirectAttributes redirect) {
        return syllabusChange(redirect, school, code, () -> courses.unrequire(school, code, itemCode, term));
    }

    private String syllabusChange(RedirectAttributes redirect, String school, String code, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flashMessage", "saved");
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return redirectTo(courses.get(school, code));
    }

    private String detail(Model model, CourseDetail detail, Integer page) {
        model.addAttribute("detail", detail);
        model.addAttribute(
                "results",
                results.list(detail.course().schoolCode(), detail.course().code(), PageQuery.of(page, null)));
        if (!model.containsAttribute("itemForm")) {
            model.addAttribute("itemForm", ItemForm.empty());
        }
        return "training/course";
    }

    private String form(Model model, CourseForm form, boolean editing) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("editing", editing);
        model.addAttribute("majorOptions", ownMajors());
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        return "training/course-form";
    }

    private java.util.List<OrganisationApi.Option> ownMajors() {
        Long schoolId = tenancy.currentUser().schoolId();
        return schoolId == null ? java.util.List.of() : organisation.majorOptions(schoolId);
    }

    static String redirectTo(CourseView c) {
        return "redirect:/training/courses/" + c.code() + "?school=" + c.schoolCode();
    }
}
