package org.craftline.jobs.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.jobs.domain.FairAttendance;
import org.craftline.jobs.domain.FairForms;
import org.craftline.jobs.domain.FairOffers;
import org.craftline.jobs.domain.FairQueries;
import org.craftline.jobs.domain.FairStatus;
import org.craftline.jobs.domain.FairViews;
import org.craftline.jobs.domain.Fairs;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of job fairs: the school administrator plans them, puts units at booths, marks
 * attendance and records offers; an enterprise reads the fairs its unit takes part in and records
 * its own unit's offers; a student registers itself under {@code /api/v1/me/fairs}; the bureau reads.
 */
@RestController
class FairApiController {

    static final String FAIRS = "/api/v1/fairs";

    private final FairQueries queries;
    private final Fairs fairs;
    private final FairAttendance attendance;
    private final FairOffers offers;
    private final FairSheet sheet;

    FairApiController(FairQueries queries, Fairs fairs, FairAttendance attendance, FairOffers offers, FairSheet sheet) {
        this.queries = queries;
        this.fairs = fairs;
        this.attendance = attendance;
        this.offers = offers;
        this.sheet = sheet;
    }

    @GetMapping(FAIRS)
    Paged<FairViews.FairView> list(
            @RequestParam(required = false) FairStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return queries.list(status, q, PageQuery.of(page, size, after));
    }

    @PostMapping(FAIRS)
    ResponseEntity<FairViews.FairView> create(@Valid @RequestBody FairForms.FairForm form) {
        FairViews.FairView created = fairs.create(form);
        return ResponseEntity.created(URI.create(FAIRS + "/" + created.id())).body(created);
    }

    /** The fair with its figures, units at their booths with their postings, and the offers the user may see. */
    @GetMapping(FAIRS + "/{id}")
    FairViews.FairDetail get(@PathVariable long id) {
        return queries.detail(id);
    }

    @PutMapping(FAIRS + "/{id}")
    FairViews.FairView update(@PathVariable long id, @Valid @RequestBody FairForms.FairForm form) {
        return fairs.update(id, form);
    }

    @GetMapping(FAIRS + "/{id}/figures")
    FairViews.FairFigures figures(@PathVariable long id) {
        return queries.figures(id);
    }

    @GetMapping(FAIRS + "/{id}/units")
    List<FairViews.FairUnit> units(@PathVariable long id) {
        return queries.units(id);
    }

    /** Puts a unit at its booth with the postings it brings (again: replaces its booth and postings). */
    @PostMapping(FAIRS + "/{id}/units")
    FairViews.FairUnit putUnit(@PathVariable long id, @Valid @RequestBody FairForms.FairUnitForm form) {
        return fairs.putUnit(id, form);
    }

    @GetMapping(FAIRS + "/{id}/registrations")
    List<FairViews.FairRegistration> registrations(@PathVariable long id) {
        return queries.registrations(id);
    }

    @PostMapping(FAIRS + "/{id}/attendance")
    FairViews.FairFigures attendance(@PathVariable long id, @Valid @RequestBody FairForms.FairAttendanceForm form) {
        return attendance.markAttendance(id, form);
    }

    @GetMapping(FAIRS + "/{id}/offers")
    List<FairViews.FairOffer> offers(@PathVariable long id) {
        return queries.offers(id);
    }

    @PostMapping(FAIRS + "/{id}/offers")
    ResponseEntity<FairViews.FairOffer> offer(@PathVariable long id, @Valid @RequestBody FairForms.FairOfferForm form) {
        FairViews.FairOffer recorded = offers.record(id, form);
        return ResponseEntity.created(URI.create(FAIRS + "/" + id + "/offers")).body(recorded);
    }

    /** The printed list of units, booths and posts (PDF with the embedded Chinese font; {@code ?lang=en} for English). */
    @GetMapping(FAIRS + "/{id}/sheet")
    ResponseEntity<byte[]> sheet(@PathVariable long id) {
        return sheet.download(id);
    }

    @PostMapping("/api/v1/me/fairs/{id}/registration")
    FairViews.FairDetail register(@PathVariable long id) {
        return attendance.register(id);
    }

    @DeleteMapping("/api/v1/me/fairs/{id}/registration")
    FairViews.FairDetail unregister(@PathVariable long id) {
        return attendance.unregister(id);
    }
}
