package org.craftline.employment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Year;
import java.util.Map;
import org.craftline.employment.domain.Channel;
import org.craftline.employment.domain.DestinationCorrections;
import org.craftline.employment.domain.DestinationKind;
import org.craftline.employment.domain.Destinations;
import org.craftline.employment.domain.EmploymentTerms;
import org.craftline.employment.domain.FollowUp;
import org.craftline.employment.domain.FollowUpAnswers;
import org.craftline.employment.domain.FollowUpConfirmations;
import org.craftline.employment.domain.Graduations;
import org.craftline.employment.domain.PayBand;
import org.craftline.employment.domain.Sector;
import org.craftline.employment.domain.SelfReports;
import org.craftline.indicators.EmploymentBreakdowns;
import org.craftline.indicators.Indicators;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cohort and timeline pages for the school; the graduate's own page for reporting where it is. */
@Controller
class GraduatePages {

    private final Graduations graduations;
    private final Destinations destinations;
    private final SelfReports selfReports;
    private final DestinationCorrections corrections;
    private final Indicators indicators;
    private final EmploymentBreakdowns breakdowns;
    private final FollowUpConfirmations confirmations;
    private final FollowUpAnswers answers;

    GraduatePages(
            Graduations graduations,
            Destinations destinations,
            SelfReports selfReports,
            DestinationCorrections corrections,
            Indicators indicators,
            EmploymentBreakdowns breakdowns,
            FollowUpConfirmations confirmations,
            FollowUpAnswers answers) {
        this.graduations = graduations;
        this.destinations = destinations;
        this.selfReports = selfReports;
        this.corrections = corrections;
        this.indicators = indicators;
        this.breakdowns = breakdowns;
        this.confirmations = confirmations;
        this.answers = answers;
    }

    /** A cohort's destinations by follow-up point and kind (the school's own, or a chosen one). */
    @ModelAttribute("kinds")
    DestinationKind[] kinds() {
        return DestinationKind.values();
    }

    @ModelAttribute("channels")
    Channel[] channels() {
        return Channel.values();
    }

    @ModelAttribute("sectors")
    Sector[] sectors() {
        return Sector.values();
    }

    @ModelAttribute("payBands")
    PayBand[] payBands() {
        return PayBand.values();
    }

    @GetMapping("/graduates")
    String cohort(
            @RequestParam(required = false) String school, @RequestParam(required = false) Integer year, Model model) {
        String code = school != null ? school : graduations.ownSchoolCode();
        model.addAttribute("school", code);
        model.addAttribute("years", code == null ? java.util.List.of() : graduations.years(code));
        int shown = year != null ? year : Year.now().getValue() - 1;
        model.addAttribute("year", shown);
        model.addAttribute("cells", code == null ? java.util.List.of() : graduations.cohort(code, shown));
        var scope =
                code == null ? null : indicators.resolve(new Indicators.Request(code, null, null, shown, null, null));
        model.addAttribute("breakdowns", scope == null ? java.util.List.of() : breakdowns.byPoint(scope));
        model.addAttribute("responses", scope == null ? java.util.List.of() : breakdowns.responses(scope));
        model.addAttribute("employers", scope == null ? null : breakdowns.employers(scope));
        return "employment/graduates";
    }

    @GetMapping("/graduates/{id}")
    String timeline(@PathVariable long id, Model model) {
        if (!model.containsAttribute("correction")) {
            model.addAttribute("correction", new CorrectionForm(null, false, false, "", null));
        }
        model.addAttribute("studentId", id);
        model.addAttribute("timeline", destinations.timeline(id));
        return "employment/timeline";
    }

    /**
     * The page's form: which follow-up point, then matched and local as the school judges them. The
     * page carries each point's version as {@code versions[POINT]}; the chosen point's is the one checked.
     */
    record CorrectionForm(
            @NotNull FollowUp point,
            Boolean matched,
            Boolean local,
            @NotBlank @Size(max = 200) String reason,
            Map<String, Integer> versions) {}

    @PostMapping("/graduates/{id}/match")
    String correct(
            @PathVariable long id,
            @Valid @ModelAttribute("correction") CorrectionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        // an unticked box sends nothing
        var command = new DestinationCorrections.CorrectionForm(
                Boolean.TRUE.equals(form.matched()),
                Boolean.TRUE.equals(form.local()),
                form.reason(),
                form.versions() == null || form.point() == null
                        ? null
                        : form.versions().get(form.point().name()));
        if (FormSubmission.run(errors, () -> corrections.correct(id, form.point(), command))
                .isEmpty()) {
            return timeline(id, model);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/graduates/" + id;
    }

    @GetMapping("/graduates/pending")
    String pending(
            @RequestParam(required = false) Long round,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        model.addAttribute("reports", selfReports.pending());
        model.addAttribute("round", round);
        model.addAttribute("answers", confirmations.pending(round, PageQuery.of(page, 50, after)));
        return "employment/pending";
    }

    /** The school confirms a graduate's answer to a follow-up round. */
    @PostMapping("/graduates/answers/{id}/confirm")
    String confirmAnswer(@PathVariable long id, RedirectAttributes redirect) {
        confirmations.confirm(id);
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/graduates/pending";
    }

    @PostMapping("/graduates/{id}/confirm")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        selfReports.confirm(id);
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/graduates/pending";
    }

    @GetMapping("/me")
    String me(Model model) {
        model.addAttribute("timeline", selfReports.mine());
        model.addAttribute("requests", answers.mine());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SelfReports.ReportForm(null, "", "", true, EmploymentTerms.NONE));
        }
        return "employment/me";
    }

    @PostMapping("/me/destination")
    String report(
            @Valid @ModelAttribute("form") SelfReports.ReportForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> selfReports.report(form)).isEmpty()) {
            model.addAttribute("timeline", selfReports.mine());
            model.addAttribute("requests", answers.mine());
            return "employment/me";
        }
        redirect.addFlashAttribute("flashMessage", "destination.reported");
        return "redirect:/me";
    }
}
