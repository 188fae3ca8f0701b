package org.craftline.social.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.social.domain.CohortForm;
import org.craftline.social.domain.CohortView;
import org.craftline.social.domain.Cohorts;
import org.craftline.social.domain.EnrolmentForm;
import org.craftline.social.domain.EnrolmentView;
import org.craftline.social.domain.Enrolments;
import org.craftline.social.domain.OutcomeForm;
import org.craftline.social.domain.ProgrammeForm;
import org.craftline.social.domain.ProgrammeKind;
import org.craftline.social.domain.ProgrammeView;
import org.craftline.social.domain.Programmes;
import org.craftline.social.domain.TraineeView;
import org.craftline.social.domain.Trainees;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of social training: programmes, cohorts, trainees (ID numbers masked) and enrolments. */
@RestController
@RequestMapping("/api/v1/social")
class SocialApiController {

    private final Programmes programmes;
    private final Cohorts cohorts;
    private final Enrolments enrolments;
    private final Trainees trainees;

    SocialApiController(Programmes programmes, Cohorts cohorts, Enrolments enrolments, Trainees trainees) {
        this.programmes = programmes;
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.trainees = trainees;
    }

    @GetMapping("/programmes")
    Paged<ProgrammeView> programmes(
            @RequestParam(required = false) ProgrammeKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return programmes.list(new Programmes.Filter(kind, q), PageQuery.of(page, size));
    }

    @GetMapping("/programmes/{id}")
    ProgrammeView programme(@PathVariable long id) {
        return programmes.get(id);
    }

    @PostMapping("/programmes")
    ResponseEntity<ProgrammeView> createProgramme(@Valid @RequestBody ProgrammeForm form) {
        ProgrammeView created = programmes.create(form);
        return ResponseEntity.created(URI.create("/api/v1/social/programmes/" + created.id()))
                .body(created);
    }

    @PutMapping("/programmes/{id}")
    ProgrammeView updateProgramme(@PathVariable long id, @Valid @RequestBody ProgrammeForm form) {
        return programmes.update(id, form);
    }

    @GetMapping("/programmes/{id}/cohorts")
    List<CohortView> cohorts(@PathVariable long id) {
        return cohorts.ofProgramme(id);
    }

    @PostMapping("/programmes/{id}/cohorts")
    ResponseEntity<CohortView> createCohort(@PathVariable long id, @Valid @RequestBody CohortForm form) {
        CohortView created = cohorts.create(id, form);
        return ResponseEntity.created(URI.create("/api/v1/social/cohorts/" + created.code()))
                .body(created);
    }

    @GetMapping("/cohorts/{code}")
    CohortView cohort(@PathVariable String code, @RequestParam(required = false) String school) {
        return cohorts.byCode(code, school);
    }

    @GetMapping("/cohorts/{code}/enrolments")
    Paged<EnrolmentView> enrolments(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return enrolments.ofCohort(cohorts.byCode(code, school), PageQuery.of(page, size));
    }

    @PostMapping("/cohorts/{code}/enrolments")
    ResponseEntity<EnrolmentView> enrol(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @Valid @RequestBody EnrolmentForm form) {
        EnrolmentView created = enrolments.enrol(code, school, form);
        return ResponseEntity.created(URI.create("/api/v1/social/enrolments/" + created.id()))
                .body(created);
    }

    @GetMapping("/enrolments/{id}")
    EnrolmentView enrolment(@PathVariable long id) {
        return enrolments.get(id);
    }

    @PutMapping("/enrolments/{id}")
    EnrolmentView record(@PathVariable long id, @Valid @RequestBody OutcomeForm form) {
        return enrolments.record(id, form);
    }

    @GetMapping("/trainees")
    Paged<TraineeView> trainees(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String idTail,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return trainees.search(new Trainees.Filter(q, idTail), PageQuery.of(page, size, after));
    }

    @GetMapping("/trainees/{id}")
    TraineeView trainee(@PathVariable long id) {
        return trainees.get(id);
    }

    /** The unmasked record, for administrators; every call is audited. */
    @PostMapping("/trainees/{id}/reveal")
    TraineeView reveal(@PathVariable long id) {
        return trainees.reveal(id);
    }
}
