package org.craftline.organisation.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.craftline.organisation.domain.Classes;
import org.craftline.organisation.domain.Forms.ClassForm;
import org.craftline.organisation.domain.Views.ClassView;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
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

/** REST API of classes under /api/v1 (paged lists; see docs/api.md). */
@RestController
@RequestMapping("/api/v1")
class ClassApiController {

    private final Classes classes;

    ClassApiController(Classes classes) {
        this.classes = classes;
    }

    @GetMapping("/classes")
    Paged<ClassView> classes(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String major,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return classes.list(new Classes.Filter(school, major, year, q, null), PageQuery.of(page, size));
    }

    @GetMapping("/classes/{id}")
    ClassView schoolClass(@PathVariable long id) {
        return classes.get(id);
    }

    @PostMapping("/classes")
    ResponseEntity<ClassView> createClass(@Valid @RequestBody ClassForm form) {
        ClassView created = classes.create(form);
        return ResponseEntity.created(URI.create("/api/v1/classes/" + created.id()))
                .body(created);
    }

    @PutMapping("/classes/{id}")
    ClassView updateClass(@PathVariable long id, @Valid @RequestBody ClassForm form) {
        return classes.update(id, form);
    }

    @DeleteMapping("/classes/{id}")
    ResponseEntity<Void> deleteClass(@PathVariable long id) {
        classes.delete(id);
        return ResponseEntity.noContent().build();
    }
}
