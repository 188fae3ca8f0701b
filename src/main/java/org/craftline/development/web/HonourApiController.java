package org.craftline.development.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.craftline.development.domain.AwardLevel;
import org.craftline.development.domain.HonourForm;
import org.craftline.development.domain.HonourView;
import org.craftline.development.domain.Honours;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of the honours of the user's schools and their people, with certificate files. */
@RestController
@RequestMapping("/api/v1/honours")
class HonourApiController {

    private final Honours honours;

    HonourApiController(Honours honours) {
        this.honours = honours;
    }

    @GetMapping
    Paged<HonourView> list(
            @RequestParam(required = false) AwardLevel level,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return honours.list(new Honours.Filter(level, year, q), PageQuery.of(page, size));
    }

    @GetMapping("/{id}")
    HonourView get(@PathVariable long id) {
        return honours.get(id);
    }

    @PostMapping
    ResponseEntity<HonourView> create(@Valid @RequestBody HonourForm form) {
        HonourView created = honours.create(form);
        return ResponseEntity.created(URI.create("/api/v1/honours/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    HonourView update(@PathVariable long id, @Valid @RequestBody HonourForm form) {
        return honours.update(id, form);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        honours.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** Attaches the certificate (PDF, PNG or JPEG, at most 10 MB), replacing any earlier one. */
    @PostMapping(path = "/{id}/certificate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    HonourView attach(@PathVariable long id, @RequestParam("file") MultipartFile file) {
        return honours.attach(id, file);
    }

    @GetMapping("/{id}/certificate")
    ResponseEntity<Resource> certificate(@PathVariable long id) {
        return StoredFiles.attachment(honours.certificate(id));
    }
}
