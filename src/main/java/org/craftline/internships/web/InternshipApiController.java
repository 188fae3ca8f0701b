package org.craftline.internships.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.internships.domain.CoverForm;
import org.craftline.internships.domain.InternshipKind;
import org.craftline.internships.domain.InternshipStatus;
import org.craftline.internships.domain.PlacementChanges;
import org.craftline.internships.domain.PlacementForm;
import org.craftline.internships.domain.PlacementQueries;
import org.craftline.internships.domain.PlacementStatusForm;
import org.craftline.internships.domain.PlacementView;
import org.craftline.internships.domain.Placements;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of internship placements: the school keeps them, the enterprise reads its own unit's,
 * a student its own. A new placement comes as multipart: its JSON, the signed agreement, and for a
 * minor the guardian's consent.
 */
@RestController
@RequestMapping("/api/v1/internships")
class InternshipApiController {

    private final PlacementQueries queries;
    private final Placements placements;
    private final PlacementChanges changes;

    InternshipApiController(PlacementQueries queries, Placements placements, PlacementChanges changes) {
        this.queries = queries;
        this.placements = placements;
        this.changes = changes;
    }

    @GetMapping
    Paged<PlacementView> list(
            @RequestParam(name = "class", required = false) Long classId,
            @RequestParam(required = false) Long enterprise,
            @RequestParam(required = false) InternshipStatus status,
            @RequestParam(required = false) InternshipKind kind,
            @RequestParam(required = false) Boolean atRisk,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        var filter = new PlacementQueries.Filter(classId, enterprise, status, kind, atRisk, q);
        return queries.list(filter, PageQuery.of(page, size, after));
    }

    @GetMapping("/{id}")
    PlacementView get(@PathVariable long id) {
        return queries.get(id);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PlacementView> create(
            @Valid @RequestPart("placement") PlacementForm form,
            @RequestPart(name = "agreement", required = false) MultipartFile agreement,
            @RequestPart(name = "consent", required = false) MultipartFile consent) {
        PlacementView created = placements.create(form, agreement, consent);
        return ResponseEntity.created(URI.create("/api/v1/internships/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    PlacementView update(@PathVariable long id, @Valid @RequestBody PlacementForm form) {
        return placements.update(id, form);
    }

    @PostMapping("/{id}/status")
    PlacementView status(@PathVariable long id, @Valid @RequestBody PlacementStatusForm form) {
        return changes.changeStatus(id, form);
    }

    @PutMapping("/{id}/cover")
    PlacementView cover(@PathVariable long id, @Valid @RequestBody CoverForm form) {
        return changes.recordCover(id, form);
    }

    @GetMapping("/{id}/history")
    List<PlacementQueries.StatusEntry> history(@PathVariable long id) {
        return queries.history(id);
    }

    /** Replaces the signed agreement or the guardian's consent (PDF, PNG or JPEG, at most 10 MB). */
    @PostMapping(path = "/{id}/{which:agreement|consent}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PlacementView attach(
            @PathVariable long id,
            @PathVariable String which,
            @RequestParam("file") MultipartFile file,
            @RequestParam("version") Integer version) {
        return changes.attach(id, which, file, version);
    }

    @GetMapping("/{id}/{which:agreement|consent}")
    ResponseEntity<Resource> file(@PathVariable long id, @PathVariable String which) {
        return StoredFiles.attachment(changes.download(id, which));
    }
}
