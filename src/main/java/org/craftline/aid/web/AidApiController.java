package org.craftline.aid.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.craftline.aid.domain.AidKind;
import org.craftline.aid.domain.DecisionForm;
import org.craftline.aid.domain.DecisionView;
import org.craftline.aid.domain.Decisions;
import org.craftline.aid.domain.DisbursementForm;
import org.craftline.aid.domain.DisbursementView;
import org.craftline.aid.domain.Disbursements;
import org.craftline.aid.domain.Eligibility;
import org.craftline.aid.domain.EligibilityView;
import org.craftline.aid.domain.HardshipForm;
import org.craftline.aid.domain.HardshipView;
import org.craftline.aid.domain.Hardships;
import org.craftline.aid.domain.RollUp;
import org.craftline.aid.domain.RollUpRow;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.Term;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of student aid: eligibility per term, hardship recognitions, decisions, the ledger (bank
 * cards masked but for an audited reveal; corrections by reversal) and the roll-up per school.
 */
@RestController
@RequestMapping("/api/v1/aid")
class AidApiController {

    private final Eligibility eligibility;
    private final Hardships hardships;
    private final Decisions decisions;
    private final Disbursements disbursements;
    private final RollUp rollUp;
    private final Clock clock;

    AidApiController(
            Eligibility eligibility,
            Hardships hardships,
            Decisions decisions,
            Disbursements disbursements,
            RollUp rollUp,
            Clock clock) {
        this.eligibility = eligibility;
        this.hardships = hardships;
        this.decisions = decisions;
        this.disbursements = disbursements;
        this.rollUp = rollUp;
        this.clock = clock;
    }

    /** A reversal's reason. */
    record ReversalBody(@Size(max = 500) String reason) {}

    @GetMapping("/eligibility")
    Paged<EligibilityView> eligibility(
            @RequestParam(required = false) String term,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Eligibility.Show show,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        var filter = new Eligibility.Filter(termOr(term), school, q, show == null ? Eligibility.Show.ELIGIBLE : show);
        return eligibility.list(filter, PageQuery.of(page, size, after));
    }

    @GetMapping("/hardships")
    Paged<HardshipView> hardships(
            @RequestParam(required = false) Integer schoolYear,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return hardships.list(new Hardships.Filter(schoolYear, q), PageQuery.of(page, size, after));
    }

    @PostMapping("/hardships")
    ResponseEntity<HardshipView> recognise(@Valid @RequestBody HardshipForm form) {
        HardshipView created = hardships.create(form);
        return ResponseEntity.created(URI.create("/api/v1/aid/hardships/" + created.id()))
                .body(created);
    }

    @GetMapping("/hardships/{id}")
    HardshipView hardship(@PathVariable long id) {
        return hardships.get(id);
    }

    @PutMapping("/hardships/{id}")
    HardshipView review(@PathVariable long id, @Valid @RequestBody HardshipForm form) {
        return hardships.update(id, form);
    }

    /** Decides a student's aid in a term, as read at the body's version (0 when none is recorded). */
    @PutMapping("/decisions")
    DecisionView decide(@Valid @RequestBody DecisionForm form) {
        return decisions.decide(form);
    }

    @GetMapping("/disbursements")
    Paged<DisbursementView> ledger(
            @RequestParam(required = false) String term,
            @RequestParam(required = false) AidKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return disbursements.list(new Disbursements.Filter(term, kind, q), PageQuery.of(page, size, after));
    }

    @PostMapping("/disbursements")
    ResponseEntity<DisbursementView> pay(@Valid @RequestBody DisbursementForm form) {
        DisbursementView created = disbursements.pay(form);
        return ResponseEntity.created(URI.create("/api/v1/aid/disbursements/" + created.id()))
                .body(created);
    }

    @GetMapping("/disbursements/{id}")
    DisbursementView entry(@PathVariable long id) {
        return disbursements.get(id);
    }

    @PostMapping("/disbursements/{id}/reverse")
    ResponseEntity<DisbursementView> reverse(@PathVariable long id, @Valid @RequestBody ReversalBody body) {
        DisbursementView reversal = disbursements.reverse(id, body.reason());
        return ResponseEntity.created(URI.create("/api/v1/aid/disbursements/" + reversal.id()))
                .body(reversal);
    }

    /** The entry with its bank card whole, for administrators; every call is audited. */
    @PostMapping("/disbursements/{id}/reveal")
    DisbursementView reveal(@PathVariable long id) {
        return disbursements.reveal(id);
    }

    /** The roll-up, one page: per school of the scope and term, newest term first. */
    @GetMapping("/rollup")
    Paged<RollUpRow> rollUp(
            @RequestParam(required = false) String term,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return rollUp.of(term == null || term.isBlank() ? null : Term.parse(term), PageQuery.of(page, size));
    }

    private Term termOr(String term) {
        return term == null || term.isBlank() ? Term.of(LocalDate.now(clock)) : Term.parse(term);
    }
}
