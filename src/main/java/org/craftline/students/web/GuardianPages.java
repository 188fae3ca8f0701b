package org.craftline.students.web;

import org.craftline.shared.FormSubmission;
import org.craftline.shared.NotFoundException;
import org.craftline.students.domain.GuardianForm;
import org.craftline.students.domain.GuardianRelation;
import org.craftline.students.domain.GuardianView;
import org.craftline.students.domain.Guardians;
import org.craftline.students.domain.Students;
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
 * A student's guardians on its page: added by the form under the list, edited on a page of their
 * own, deleted after a confirmation. A refused form comes back on the guardian's form page with
 * what was typed.
 */
@Controller
@RequestMapping("/students/{studentId}/guardians")
class GuardianPages {

    private final Guardians guardians;
    private final Students students;

    GuardianPages(Guardians guardians, Students students) {
        this.guardians = guardians;
        this.students = students;
    }

    @ModelAttribute("relations")
    GuardianRelation[] relations() {
        return GuardianRelation.values();
    }

    @PostMapping
    String add(
            @PathVariable long studentId,
            @Validated @ModelAttribute("guardianForm") GuardianForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        guardians.checkWritable(studentId);
        if (FormSubmission.run(errors, () -> guardians.add(studentId, form)).isEmpty()) {
            return form(model, studentId, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/students/" + studentId + "#guardians";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long studentId, @PathVariable long id, Model model) {
        model.addAttribute("guardianForm", GuardianForm.of(guardianOf(studentId, id)));
        return form(model, studentId, id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long studentId,
            @PathVariable long id,
            @Validated @ModelAttribute("guardianForm") GuardianForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        guardianOf(studentId, id);
        guardians.checkWritable(studentId);
        if (FormSubmission.run(errors, () -> guardians.update(id, form)).isEmpty()) {
            return form(model, studentId, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/students/" + studentId + "#guardians";
    }

    @PostMapping("/{id}/delete")
    String delete(
            @PathVariable long studentId,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        guardianOf(studentId, id);
        FormSubmission.flash(redirect, () -> guardians.delete(id, version));
        if ("saved".equals(redirect.getFlashAttributes().get("flashMessage"))) {
            redirect.addFlashAttribute("flashMessage", "deleted");
        }
        return "redirect:/students/" + studentId + "#guardians";
    }

    /** The guardian, when it is one of this student's: a guardian is never reached through another student. */
    private GuardianView guardianOf(long studentId, long id) {
        GuardianView g = guardians.get(id);
        if (g.studentId() != studentId) {
            throw new NotFoundException("guardian", String.valueOf(id));
        }
        return g;
    }

    private String form(Model model, long studentId, Long id) {
        model.addAttribute("student", students.get(studentId));
        model.addAttribute("guardianId", id);
        return "students/guardian-form";
    }
}
