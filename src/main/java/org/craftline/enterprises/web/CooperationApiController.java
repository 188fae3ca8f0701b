package org.craftline.enterprises.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import org.craftline.enterprises.domain.CooperationForm;
import org.craftline.enterprises.domain.CooperationType;
import org.craftline.enterprises.domain.CooperationView;
import org.craftline.enterprises.domain.Cooperations;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of the cooperation agreements of the user's schools and their signed documents. */
@RestController
@RequestMapping("/api/v1/cooperations")
class CooperationApiController {

    private final Cooperations cooperations;

    CooperationApiController(Cooperations cooperations) {
        this.cooperations = cooperations;
    }

    @GetMapping
    Paged<CooperationView> list(
            @RequestParam(required = false) Long enterprise,
            @RequestParam(required = false) CooperationType type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate activeOn,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return cooperations.list(new Cooperations.Filter(enterprise, type, activeOn), PageQuery.of(page, size, after));
    }

    @GetMapping("/{id}")
    CooperationView get(@PathVariable long id) {
        return cooperations.get(id);
    }

    @PostMapping
    ResponseEntity<CooperationView> create(@Valid @RequestBody CooperationForm form) {
        CooperationView created = cooperations.create(form);
        return ResponseEntity.created(URI.create("/api/v1/cooperations/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        cooperations.delete(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * Attaches the signed agreement (PDF, PNG or JPEG, at most 10 MB), replacing any earlier one; the
     * part {@code version} is the agreement's version as read.
     */
    @PostMapping(path = "/{id}/document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CooperationView attach(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) Integer version) {
        return cooperations.attach(id, file, version);
    }

    @GetMapping("/{id}/document")
    ResponseEntity<Resource> document(@PathVariable long id) {
        return StoredFiles.attachment(cooperations.document(id));
    }
}
