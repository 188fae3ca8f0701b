package org.craftline.students.web;

import java.time.LocalDate;
import java.util.List;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.craftline.students.domain.GuardianForm;
import org.craftline.students.domain.GuardianRelation;
import org.craftline.students.domain.Guardians;
import org.craftline.students.domain.Registrations;
import org.craftline.students.domain.StatusChangeKind;
import org.craftline.students.domain.StatusChanges;
import org.craftline.students.domain.StatusForm;
import org.craftline.students.domain.StudentForm;
import org.craftline.students.domain.StudentStatus;
import org.craftline.students.domain.StudentView;
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

@Controller
@RequestMapping("/students")
class StudentPages {

    private final Students students;
    private final StudentOptions options;
    private final Guardians guardians;
    private final StatusChanges changes;
    private final Registrations registrations;

    StudentPages(
            Students students,
            StudentOptions options,
            Guardians guardians,
            StatusChanges changes,
            Registrations registrations) {
        this.students = students;
        this.options = options;
        this.guardians = guardians;
        this.changes = changes;
        this.registrations = registrations;
    }

    @ModelAttribute("statuses")
    StudentStatus[] statuses() {
        return StudentStatus.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String major,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) StudentStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean registered,
            @RequestParam(required = false) org.craftline.students.domain.Registrations.Season intake,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new Students.Filter(school, classId, major, year, status, q, registered, intake);
        model.addAttribute("filter", filter);
        model.addAttribute("students", students.list(filter, PageQuery.of(page, null), after));
        options.addTo(model, year, classId);
        return "students/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        return detail(model, students.get(id));
    }

    /** Shows the unmasked ID number and phone once; the reveal is audited. */
    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("revealed", true);
        return detail(model, students.reveal(id));
    }

    @PostMapping("/{id}/status")
    String changeStatus(
            @PathVariable long id,
            @Validated @ModelAttribute("statusForm") StatusForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        changes.checkWritable(id);
        if (FormSubmission.run(errors, () -> changes.change(id, form)).isEmpty()) {
            return detail(model, students.get(id));
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/students/" + id;
    }

    /**
     * The student's page: the record, its status history with the change form (the bound one with
     * its errors after a refused change), and the guardians section with its empty add form.
     */
    private String detail(Model model, StudentView student) {
        long id = student.id();
        model.addAttribute("student", student);
        model.addAttribute("history", students.history(id));
        if (!model.containsAttribute("statusForm")) {
            model.addAttribute("statusForm", StatusForm.empty(LocalDate.now(), student.version()));
        }
        model.addAttribute("changes", StatusChangeKind.CHOSEN);
        options.addTo(model);
        model.addAttribute("guardians", guardians.of(id));
        model.addAttribute("guardianForm", GuardianForm.empty());
        model.addAttribute("relations", GuardianRelation.values());
        return "students/detail";
    }

    /** The new students' registration with the national registry: each intake's count against its deadline. */
    @GetMapping("/registration")
    String registration(@RequestParam(required = false) String school, Model model) {
        // a user of no one school (the bureau, the operator) chooses the school first
        boolean chosen = (school != null && !school.isBlank()) || options.hasOwnSchool();
        model.addAttribute("intakes", chosen ? registrations.intakes(options.schoolOf(school)) : List.of());
        model.addAttribute("chooseSchool", !chosen);
        options.addTo(model);
        model.addAttribute("today", registrations.today());
        model.addAttribute("school", school);
        return "students/registration";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, StudentForm.empty(), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") StudentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> students.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/students/" + created.get().id();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        StudentView s = students.get(id);
        return form(
                model,
                new StudentForm(
                        s.schoolCode(),
                        s.studentNumber(),
                        s.name(),
                        s.idNumber(),
                        "",
                        "",
                        s.household(),
                        s.phone(),
                        s.majorCode(),
                        s.className(),
                        String.valueOf(s.entryYear()),
                        s.nationalNumber(),
                        s.fullTime(),
                        "",
                        s.version()),
                id);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable long id,
            @Validated @ModelAttribute("form") StudentForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> students.update(id, form)).isEmpty()) {
            return form(model, form, id);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/students/" + id;
    }

    private String form(Model model, StudentForm form, Long id) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("id", id);
        options.addTo(model);
        return "students/form";
    }
}
