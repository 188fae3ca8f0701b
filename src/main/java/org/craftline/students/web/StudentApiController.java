package org.craftline.students.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.shared.InvalidBodyException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.students.domain.Registrations;
import org.craftline.students.domain.StatusChange;
import org.craftline.students.domain.StatusChanges;
import org.craftline.students.domain.StatusForm;
import org.craftline.students.domain.StudentForm;
import org.craftline.students.domain.StudentStatus;
import org.craftline.students.domain.StudentView;
import org.craftline.students.domain.Students;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of students: ID numbers and phones masked, unmasked only by an audited reveal. */
@RestController
@RequestMapping("/api/v1/students")
class StudentApiController {

    private final Students students;
    private final StatusChanges changes;
    private final Registrations registrations;
    private final StudentOptions options;

    StudentApiController(
            Students students, StatusChanges changes, Registrations registrations, StudentOptions options) {
        this.students = students;
        this.changes = changes;
        this.registrations = registrations;
        this.options = options;
    }

    /** The registration of each intake of this year and the last: students, registered, deadline. */
    @GetMapping("/registration")
    List<Registrations.Intake> registration(@RequestParam(required = false) String school) {
        return registrations.intakes(options.schoolOf(school));
    }

    @GetMapping
    Paged<StudentView> list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String major,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) StudentStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean registered,
            @RequestParam(required = false) org.craftline.students.domain.Registrations.Season intake,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return students.list(
                new Students.Filter(school, classId, major, year, status, q, registered, intake),
                PageQuery.of(page, size),
                after);
    }

    @GetMapping("/{id}")
    StudentView get(@PathVariable long id) {
        return students.get(id);
    }

    /** The unmasked record, for administrators; every call is audited. */
    @PostMapping("/{id}/reveal")
    StudentView reveal(@PathVariable long id) {
        return students.reveal(id);
    }

    @GetMapping("/{id}/status-history")
    List<StatusChange> history(@PathVariable long id) {
        return students.history(id);
    }

    @PostMapping
    ResponseEntity<StudentView> create(@Valid @RequestBody StudentForm form) {
        StudentView created = students.create(form);
        return ResponseEntity.created(URI.create("/api/v1/students/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    StudentView update(@PathVariable long id, @Valid @RequestBody StudentForm form) {
        return students.update(id, form);
    }

    @PostMapping("/{id}/status")
    StudentView changeStatus(@PathVariable long id, @Valid @RequestBody StatusForm form, BindingResult errors) {
        changes.checkWritable(id); // a caller without the right learns 403, not what its body got wrong
        InvalidBodyException.check(errors);
        return changes.change(id, form);
    }
}
