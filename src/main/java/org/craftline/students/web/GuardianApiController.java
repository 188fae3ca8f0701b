package org.craftline.students.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.students.domain.GuardianForm;
import org.craftline.students.domain.GuardianView;
import org.craftline.students.domain.Guardians;
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

/** REST API of a student's guardians: phones always masked; changed by those who change the student. */
@RestController
@RequestMapping("/api/v1")
class GuardianApiController {

    private final Guardians guardians;

    GuardianApiController(Guardians guardians) {
        this.guardians = guardians;
    }

    @GetMapping("/students/{id}/guardians")
    List<GuardianView> list(@PathVariable long id) {
        return guardians.of(id);
    }

    @PostMapping("/students/{id}/guardians")
    ResponseEntity<GuardianView> add(@PathVariable long id, @Valid @RequestBody GuardianForm form) {
        GuardianView created = guardians.add(id, form);
        return ResponseEntity.created(URI.create("/api/v1/guardians/" + created.id()))
                .body(created);
    }

    @GetMapping("/guardians/{id}")
    GuardianView get(@PathVariable long id) {
        return guardians.get(id);
    }

    /** Saves the guardian as read at the body's {@code version}; a stale one answers 409 with who changed what. */
    @PutMapping("/guardians/{id}")
    GuardianView update(@PathVariable long id, @Valid @RequestBody GuardianForm form) {
        return guardians.update(id, form);
    }

    @DeleteMapping("/guardians/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam Integer version) {
        guardians.delete(id, version);
        return ResponseEntity.noContent().build();
    }
}
