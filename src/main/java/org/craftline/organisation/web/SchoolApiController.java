package org.craftline.organisation.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.organisation.domain.Forms.SchoolForm;
import org.craftline.organisation.domain.Schools;
import org.craftline.organisation.domain.Views.MajorView;
import org.craftline.organisation.domain.Views.SchoolView;
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

/** REST API of schools under /api/v1 (paged lists; see docs/api.md). */
@RestController
@RequestMapping("/api/v1")
class SchoolApiController {

    private final Schools schools;

    SchoolApiController(Schools schools) {
        this.schools = schools;
    }

    @GetMapping("/schools")
    Paged<SchoolView> schools(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return schools.list(q, region, PageQuery.of(page, size));
    }

    record SchoolDetail(SchoolView school, List<MajorView> majors) {}

    @GetMapping("/schools/{code}")
    SchoolDetail school(@PathVariable String code) {
        return new SchoolDetail(schools.get(code), schools.majorsOffered(code));
    }

    @PostMapping("/schools")
    ResponseEntity<SchoolView> createSchool(@Valid @RequestBody SchoolForm form) {
        SchoolView created = schools.create(form);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + created.code()))
                .body(created);
    }

    @PutMapping("/schools/{code}")
    SchoolView updateSchool(@PathVariable String code, @Valid @RequestBody SchoolForm form) {
        return schools.update(code, form);
    }
}
