package org.craftline.employment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.employment.domain.DestinationGrid;
import org.craftline.employment.domain.DestinationKind;
import org.craftline.employment.domain.FollowUp;
import org.craftline.employment.domain.Graduations;
import org.craftline.employment.domain.MakeUpGraduations;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The employment office's daily work on pages: graduating a class (with a confirmation that says
 * how many) and recording a year's destinations in a grid, one row a graduate.
 */
@Controller
@RequestMapping("/graduates")
class GraduationPages {

    static final int GRID_SIZE = 50;

    private final Graduations graduations;
    private final DestinationGrid grid;
    private final EnterprisesApi enterprises;
    private final Clock clock;
    private final MakeUpGraduations makeUps;

    GraduationPages(
            Graduations graduations,
            DestinationGrid grid,
            EnterprisesApi enterprises,
            Clock clock,
            MakeUpGraduations makeUps) {
        this.graduations = graduations;
        this.makeUps = makeUps;
        this.grid = grid;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    @ModelAttribute("kinds")
    DestinationKind[] kinds() {
        return DestinationKind.values();
    }

    @ModelAttribute("points")
    FollowUp[] points() {
        return FollowUp.values();
    }

    @GetMapping("/graduations/new")
    String choose(
            @RequestParam(required = false) String school, @RequestParam(required = false) Long classId, Model model) {
        String code = school != null ? school : graduations.ownSchoolCode();
        model.addAttribute("school", code);
        model.addAttribute("classes", code == null ? List.of() : graduations.classes(code));
        model.addAttribute("classId", classId);
        model.addAttribute("students", classId == null ? List.of() : graduations.enrolled(classId));
        model.addAttribute("year", LocalDate.now(clock).getYear());
        model.addAttribute("completedStudents", code == null ? List.of() : makeUps.completed(code));
        model.addAttribute("today", LocalDate.now(clock));
        return "employment/graduate";
    }

    /** The step before: who exactly will graduate, and how many. */
    @PostMapping("/graduations/preview")
    String preview(
            @RequestParam long classId,
            @RequestParam(required = false) List<Long> studentIds,
            @RequestParam int year,
            Model model) {
        List<Long> ids = studentIds == null ? List.of() : studentIds;
        var chosen = ids.isEmpty()
                ? List.<org.craftline.employment.domain.GraduationCheck.Result>of()
                : graduations.preview(new Graduations.GraduationForm(null, ids, year));
        model.addAttribute("classId", classId);
        model.addAttribute("chosen", chosen);
        model.addAttribute("failing", chosen.stream().filter(r -> !r.passed()).count());
        model.addAttribute("year", year);
        return "employment/graduate-confirm";
    }

    @PostMapping("/graduations")
    String graduate(
            @RequestParam long classId,
            @RequestParam(required = false) List<Long> studentIds,
            @RequestParam int year,
            @RequestParam(required = false) List<Long> overrides,
            @RequestParam(required = false) String overrideReason,
            RedirectAttributes redirect) {
        List<Long> ids = studentIds == null ? List.of() : studentIds;
        try {
            var done = graduations.graduate(
                    new Graduations.GraduationForm(null, ids, year, overrides, null, overrideReason));
            redirect.addFlashAttribute(
                    "flashMessage", done.completed() == 0 ? "graduation.done" : "graduation.doneSome");
            redirect.addFlashAttribute("flashArg", done.graduated());
            redirect.addFlashAttribute("flashArg2", done.completed());
            return "redirect:/graduates?year=" + year;
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
            return "redirect:/graduates/graduations/new?classId=" + classId;
        }
    }

    /** 结业换发毕业证书: the chosen students who now meet the graduation conditions graduate. */
    @PostMapping("/graduations/make-up")
    String makeUp(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) List<Long> studentIds,
            @RequestParam(required = false) LocalDate graduatedOn,
            @RequestParam(required = false) String document,
            RedirectAttributes redirect) {
        String back = "redirect:"
                + org.springframework.web.util.UriComponentsBuilder.fromPath("/graduates/graduations/new")
                        .queryParamIfPresent("school", java.util.Optional.ofNullable(school))
                        .encode()
                        .toUriString();
        if (studentIds == null || studentIds.isEmpty() || studentIds.size() > MakeUpGraduations.MAX_STUDENTS) {
            redirect.addFlashAttribute("flashError", "graduation.makeUp.none");
            return back;
        }
        if (graduatedOn == null
                || document == null
                || document.isBlank()
                || document.strip().length() > 100) {
            redirect.addFlashAttribute("flashError", "graduation.makeUp.fields");
            return back;
        }
        try {
            var done = makeUps.graduate(new MakeUpGraduations.MakeUpForm(studentIds, graduatedOn, document));
            redirect.addFlashAttribute(
                    "flashMessage",
                    done.stillFailing().isEmpty() ? "graduation.makeUp.done" : "graduation.makeUp.doneSome");
            redirect.addFlashAttribute("flashArg", done.graduated().size());
            redirect.addFlashAttribute("flashArg2", done.stillFailing().size());
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        }
        return back;
    }

    @GetMapping("/destinations")
    String destinations(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "AT_GRADUATION") FollowUp point,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        String code = school != null ? school : graduations.ownSchoolCode();
        var years = code == null ? List.<Graduations.GraduationYear>of() : graduations.years(code);
        int shown = year != null
                ? year
                : years.isEmpty()
                        ? LocalDate.now(clock).getYear()
                        : years.get(0).graduationYear();
        model.addAttribute("school", code);
        model.addAttribute("years", years);
        model.addAttribute("year", shown);
        model.addAttribute("point", point);
        model.addAttribute("recordedOn", LocalDate.now(clock));
        model.addAttribute("refused", Map.of());
        model.addAttribute(
                "rows", code == null ? null : grid.page(code, shown, point, PageQuery.of(page, GRID_SIZE), after));
        return "employment/destinations";
    }

    /** The grid's rows as the page sends them: {@code rows[i].studentId}, {@code rows[i].kind}... */
    record GridForm(List<GridInput> rows) {}

    record GridInput(
            Long studentId, DestinationKind kind, String employer, String position, Boolean local, Integer version) {}

    @PostMapping("/destinations")
    String saveDestinations(
            @RequestParam(required = false) String school,
            @RequestParam int year,
            @RequestParam FollowUp point,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recordedOn,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @ModelAttribute("grid") GridForm form,
            Model model,
            RedirectAttributes redirect) {
        List<DestinationGrid.Entry> entries = new ArrayList<>();
        for (GridInput in : form.rows() == null ? List.<GridInput>of() : form.rows()) {
            entries.add(
                    in == null || in.studentId() == null
                            ? null
                            : new DestinationGrid.Entry(
                                    in.studentId(),
                                    in.kind(),
                                    in.employer(),
                                    in.position(),
                                    Boolean.TRUE.equals(in.local()),
                                    in.version()));
        }
        Map<Integer, String> refused = grid.save(point, recordedOn, entries);
        String back = "/graduates/destinations?year=" + year + "&point=" + point + (page == null ? "" : "&page=" + page)
                + (after == null ? "" : "&after=" + after) + (school == null ? "" : "&school=" + school);
        if (refused.isEmpty()) {
            redirect.addFlashAttribute("flashMessage", "saved");
            return "redirect:" + back;
        }
        // the refused rows keep what was typed, with the reason; the others are saved
        destinations(school, year, point, page, after, model);
        model.addAttribute("refused", refused);
        model.addAttribute("typed", form.rows());
        model.addAttribute("recordedOn", recordedOn);
        model.addAttribute("flashError", "destination.grid.refused");
        return "employment/destinations";
    }

    /**
     * Registry units for the employer picker: options of a datalist, by name or credit code. The grid's
     * inputs send their own value under their own name ({@code rows[3].employer}), so any such value is the text.
     */
    @GetMapping("/enterprise-options")
    String enterpriseOptions(@RequestParam Map<String, String> params, Model model) {
        String text = params.entrySet().stream()
                .filter(p -> p.getKey().equals("q") || p.getKey().endsWith(".employer"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
        model.addAttribute("options", enterprises.suggest(text.length() > 50 ? text.substring(0, 50) : text, 20));
        return "employment/fragments/enterprise-options :: options";
    }
}
