package org.craftline.organisation.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.craftline.organisation.domain.Forms.MajorForm;
import org.craftline.organisation.domain.Majors;
import org.craftline.organisation.domain.Views.MajorView;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of majors under /api/v1 (paged lists; see docs/api.md). */
@RestController
@RequestMapping("/api/v1")
class MajorApiController {

    private final Majors majors;

    MajorApiController(Majors majors) {
        this.majors = majors;
    }

    @GetMapping("/majors")
    Paged<MajorView> majors(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return majors.list(q, school, PageQuery.of(page, size));
    }

    @GetMapping("/majors/{code}")
    MajorView major(@PathVariable String code) {
        return majors.get(code);
    }

    @PostMapping("/majors")
    ResponseEntity<MajorView> createMajor(@Valid @RequestBody MajorForm form) {
        MajorView created = majors.create(form);
        return ResponseEntity.created(URI.create("/api/v1/majors/" + created.code()))
                .body(created);
    }

    @PutMapping("/majors/{code}")
    MajorView updateMajor(@PathVariable String code, @Valid @RequestBody MajorForm form) {
        return majors.update(code, form);
    }
}
