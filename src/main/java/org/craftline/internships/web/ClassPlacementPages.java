package org.craftline.internships.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.craftline.internships.domain.ClassPlacementForm;
import org.craftline.internships.domain.ClassPlacementForm.StudentRow;
import org.craftline.internships.domain.ClassPlacements;
import org.craftline.internships.domain.InternshipAccess;
import org.craftline.internships.domain.InternshipKind;
import org.craftline.internships.domain.PlacementForm;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A class's placements at one unit in one step (school side): first the school, class and
 * cooperation agreement, then the plan they share and each student's policy, agreement and, for a
 * minor, guardian and consent. A refusal names every refused student with what it broke.
 */
@Controller
@RequestMapping("/internships/batch")
class ClassPlacementPages {

    private final ClassPlacements batch;
    private final InternshipAccess access;
    private final OrganisationApi organisation;
    private final Tenancy tenancy;
    private final Clock clock;

    ClassPlacementPages(
            ClassPlacements batch,
            InternshipAccess access,
            OrganisationApi organisation,
            Tenancy tenancy,
            Clock clock) {
        this.batch = batch;
        this.access = access;
        this.organisation = organisation;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) String school,
            @RequestParam(name = "class", required = false) Long classId,
            @RequestParam(required = false) Long cooperation,
            Model model) {
        if (!access.isSchoolSide()) {
            throw new AccessDeniedException("placements are planned by the school");
        }
        Long schoolId = schoolId(school);
        if (schoolId != null && classId != null && cooperation != null) {
            model.addAttribute("form", empty(school == null ? "" : school.strip(), classId, cooperation, schoolId));
        }
        return page(model, schoolId, classId, cooperation);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") ClassPlacementForm form,
            BindingResult errors,
            MultipartRequest request,
            Model model,
            RedirectAttributes redirect) {
        Long schoolId = schoolId(form.schoolCode());
        if (!errors.hasErrors()) {
            try {
                int made = batch.create(form, request.getFileMap()).size();
                redirect.addFlashAttribute("flashMessage", "internship.batch.created");
                redirect.addFlashAttribute("flashArg", made);
                return "redirect:/internships?class=" + form.classId();
            } catch (InvalidFieldsException e) {
                model.addAttribute("refusals", BatchRefusals.of(e.problems()));
            } catch (InvalidFieldException e) {
                model.addAttribute("refusals", BatchRefusals.of(List.of(e)));
            }
        }
        return page(model, schoolId, form.classId(), form.cooperationId());
    }

    private String page(Model model, Long schoolId, Long classId, Long cooperation) {
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scope()));
        model.addAttribute("kinds", InternshipKind.values());
        model.addAttribute("administrator", access.isAdministrator());
        model.addAttribute("classId", classId);
        model.addAttribute("cooperationId", cooperation);
        if (schoolId != null) {
            model.addAttribute("schoolId", schoolId);
            model.addAttribute(
                    "classes",
                    organisation.classes(schoolId).values().stream()
                            .sorted(Comparator.comparing(OrganisationApi.ClassRef::name))
                            .toList());
            model.addAttribute("cooperations", batch.cooperations(schoolId));
            if (classId != null) {
                studentsOf(model, schoolId, classId);
            }
        }
        return "internships/batch";
    }

    /** The class's students' names by number, and which are minors today (a hint; the rule takes the start date). */
    private void studentsOf(Model model, long schoolId, long classId) {
        LocalDate today = LocalDate.now(clock);
        var names = new java.util.LinkedHashMap<String, String>();
        var minors = new java.util.HashSet<String>();
        batch.students(schoolId, classId).forEach(s -> {
            names.put(s.studentNumber(), s.name());
            if (s.birthDate().plusYears(18).isAfter(today)) {
                minors.add(s.studentNumber());
            }
        });
        model.addAttribute("studentNames", names);
        model.addAttribute("minors", minors);
    }

    /** The batch's first form: the defaults of a single placement's, the class's students listed. */
    private ClassPlacementForm empty(String schoolCode, long classId, long cooperation, long schoolId) {
        PlacementForm p = PlacementForm.empty("", null, LocalDate.now(clock));
        List<StudentRow> rows = batch.students(schoolId, classId).stream()
                .map(s -> new StudentRow(s.studentNumber(), "", "", null))
                .toList();
        return new ClassPlacementForm(
                schoolCode,
                classId,
                cooperation,
                p.kind(),
                p.post(),
                p.postHeadcount(),
                p.startsOn(),
                p.endsOn(),
                p.supervisorNumber(),
                p.mentorName(),
                p.mentorPhone(),
                p.hoursPerDay(),
                p.daysPerWeek(),
                p.nightShifts(),
                p.overtime(),
                p.publicHolidays(),
                p.monthlyPay(),
                p.postWage(),
                p.insurer(),
                p.insuredFrom(),
                p.insuredTo(),
                p.agreementEndsOn(),
                p.acceptWarnings(),
                p.acceptanceReason(),
                rows);
    }

    /** The school the page is for: the one chosen (within the user's reach), else the user's own. */
    private Long schoolId(String code) {
        if (code != null && !code.isBlank()) {
            return organisation
                    .schoolIdByCode(code.strip())
                    .filter(tenancy.scope()::canRead)
                    .orElse(null);
        }
        return access.user().schoolId();
    }
}
