package org.craftline.employment.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.craftline.employment.domain.DestinationCorrections;
import org.craftline.employment.domain.DestinationForm;
import org.craftline.employment.domain.DestinationView;
import org.craftline.employment.domain.Destinations;
import org.craftline.employment.domain.FollowUp;
import org.craftline.employment.domain.Graduations;
import org.craftline.employment.domain.MakeUpGraduations;
import org.craftline.employment.domain.SelfReports;
import org.craftline.indicators.EmploymentBreakdowns;
import org.craftline.indicators.Indicators;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of graduation and destinations. */
@RestController
@RequestMapping("/api/v1")
class EmploymentApiController {

    private final Graduations graduations;
    private final Destinations destinations;
    private final SelfReports selfReports;
    private final DestinationCorrections corrections;
    private final Indicators indicators;
    private final EmploymentBreakdowns breakdowns;
    private final MakeUpGraduations makeUps;

    EmploymentApiController(
            Graduations graduations,
            Destinations destinations,
            SelfReports selfReports,
            DestinationCorrections corrections,
            Indicators indicators,
            EmploymentBreakdowns breakdowns,
            MakeUpGraduations makeUps) {
        this.makeUps = makeUps;
        this.graduations = graduations;
        this.destinations = destinations;
        this.selfReports = selfReports;
        this.corrections = corrections;
        this.indicators = indicators;
        this.breakdowns = breakdowns;
    }

    /**
     * Graduates a class ({@code classId}) or chosen students ({@code studentIds}); those failing the
     * graduation check leave with 结业 unless overridden. Answers how many of each.
     */
    @PostMapping("/graduations")
    Map<String, Integer> graduate(@Valid @RequestBody Graduations.GraduationForm form) {
        Graduations.Outcome done = graduations.graduate(form);
        return Map.of("graduated", done.graduated(), "overridden", done.overridden(), "completed", done.completed());
    }

    /** The graduation check of the students a graduation would take: how many pass, and who fails why. */
    @PostMapping("/graduations/preview")
    Map<String, Object> preview(@Valid @RequestBody Graduations.GraduationForm form) {
        var results = graduations.preview(form);
        var failing = results.stream().filter(r -> !r.passed()).toList();
        return Map.of(
                "passing", results.size() - failing.size(),
                "failingTotal", failing.size(),
                "failing", failing.subList(0, Math.min(failing.size(), PREVIEW_FAILING)));
    }

    /** The school's students who left with 结业, with the graduation check as of today (at most 500). */
    @GetMapping("/graduations/completed")
    List<org.craftline.employment.domain.GraduationCheck.Result> completed(@RequestParam String school) {
        return makeUps.completed(school);
    }

    /** 结业换发毕业证书: those of the chosen 结业 students who now meet the conditions graduate. */
    @PostMapping("/graduations/make-up")
    MakeUpGraduations.Outcome makeUp(@Valid @RequestBody MakeUpGraduations.MakeUpForm form) {
        return makeUps.graduate(form);
    }

    /** The failing students a preview lists; the total says how many more there are. */
    static final int PREVIEW_FAILING = 1000;

    @GetMapping("/graduates/{studentId}/destinations")
    List<DestinationView> timeline(@PathVariable long studentId) {
        return destinations.timeline(studentId);
    }

    @PostMapping("/graduates/{studentId}/destinations")
    DestinationView record(@PathVariable long studentId, @Valid @RequestBody DestinationForm form) {
        return destinations.record(studentId, form);
    }

    /** The school corrects matched and local of a recorded destination (a self-report's, say), with a reason. */
    @PutMapping("/graduates/{studentId}/destinations/{point}/match")
    DestinationView correct(
            @PathVariable long studentId,
            @PathVariable FollowUp point,
            @Valid @RequestBody DestinationCorrections.CorrectionForm form) {
        return corrections.correct(studentId, point, form);
    }

    /** The signed-in graduate's own timeline, and its report of where it is now. */
    @GetMapping("/me/destinations")
    List<DestinationView> mine() {
        return selfReports.mine();
    }

    @PostMapping("/me/destinations")
    DestinationView report(@Valid @RequestBody SelfReports.ReportForm form) {
        return selfReports.report(form);
    }

    @GetMapping("/destinations/pending")
    List<SelfReports.PendingReport> pending() {
        return selfReports.pending();
    }

    @PostMapping("/graduates/{studentId}/confirm")
    Map<String, Boolean> confirm(@PathVariable long studentId) {
        selfReports.confirm(studentId);
        return Map.of("confirmed", true);
    }

    @GetMapping("/cohorts/{year}")
    List<Graduations.CohortCell> cohort(@PathVariable int year, @RequestParam String school) {
        return graduations.cohort(school, year);
    }

    /** The cohort by follow-up point as the ministry's statistics break it down (docs/employment.md). */
    @GetMapping("/cohorts/{year}/breakdown")
    List<EmploymentBreakdowns.View> breakdown(@PathVariable int year, @RequestParam String school) {
        var scope = indicators.resolve(new Indicators.Request(school, null, null, year, null, null));
        return breakdowns.byPoint(scope).stream()
                .map(EmploymentBreakdowns.View::of)
                .toList();
    }
}
