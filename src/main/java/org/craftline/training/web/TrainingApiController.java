package org.craftline.training.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.training.domain.CourseDetail;
import org.craftline.training.domain.CourseForm;
import org.craftline.training.domain.CourseResultView;
import org.craftline.training.domain.CourseResults;
import org.craftline.training.domain.CourseView;
import org.craftline.training.domain.Courses;
import org.craftline.training.domain.ItemForm;
import org.craftline.training.domain.WorkshopForm;
import org.craftline.training.domain.WorkshopKind;
import org.craftline.training.domain.WorkshopView;
import org.craftline.training.domain.Workshops;
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

/**
 * REST API of courses, their practical items, the syllabus (item required in term) and workshops.
 * A course is named by its code, with {@code school} (a school code) for users of several schools.
 */
@RestController
@RequestMapping("/api/v1/training")
class TrainingApiController {

    private final Courses courses;
    private final CourseResults results;
    private final Workshops workshops;

    TrainingApiController(Courses courses, CourseResults results, Workshops workshops) {
        this.courses = courses;
        this.results = results;
        this.workshops = workshops;
    }

    /**
     * A course's new name, major or required flag (必修; absent: not required), from the version it
     * was read at; its code stays.
     */
    record CourseChange(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 10) String majorCode,
            Boolean required,
            Integer version) {}

    @GetMapping("/courses")
    Paged<CourseView> courses(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String major,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return courses.list(school, major, PageQuery.of(page, size));
    }

    @PostMapping("/courses")
    ResponseEntity<CourseView> create(@Valid @RequestBody CourseForm form) {
        CourseView created = courses.create(form);
        return ResponseEntity.created(
                        URI.create("/api/v1/training/courses/" + created.code() + "?school=" + created.schoolCode()))
                .body(created);
    }

    @GetMapping("/courses/{code}")
    CourseDetail course(@PathVariable String code, @RequestParam(required = false) String school) {
        return courses.detail(school, code);
    }

    @PutMapping("/courses/{code}")
    CourseView update(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @Valid @RequestBody CourseChange change) {
        return courses.update(
                school,
                code,
                new CourseForm(school, code, change.name(), change.majorCode(), change.required(), change.version()));
    }

    @DeleteMapping("/courses/{code}")
    ResponseEntity<Void> delete(@PathVariable String code, @RequestParam(required = false) String school) {
        courses.delete(school, code);
        return ResponseEntity.noContent().build();
    }

    /** The course's results by term and student number (written by the {@code course-results} import). */
    @GetMapping("/courses/{code}/results")
    Paged<CourseResultView> results(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return results.list(school, code, PageQuery.of(page, size));
    }

    @GetMapping("/courses/{code}/items")
    List<CourseDetail.Item> items(@PathVariable String code, @RequestParam(required = false) String school) {
        return courses.detail(school, code).items();
    }

    @PostMapping("/courses/{code}/items")
    ResponseEntity<CourseDetail.Item> addItem(
            @PathVariable String code,
            @RequestParam(required = false) String school,
            @Valid @RequestBody ItemForm form) {
        return ResponseEntity.status(201).body(courses.addItem(school, code, form));
    }

    @DeleteMapping("/courses/{code}/items/{itemCode}")
    ResponseEntity<Void> deleteItem(
            @PathVariable String code, @PathVariable String itemCode, @RequestParam(required = false) String school) {
        courses.deleteItem(school, code, itemCode);
        return ResponseEntity.noContent().build();
    }

    /** Requires the item in the term (idempotent). */
    @PutMapping("/courses/{code}/requirements/{itemCode}/{term}")
    ResponseEntity<Void> require(
            @PathVariable String code,
            @PathVariable String itemCode,
            @PathVariable String term,
            @RequestParam(required = false) String school) {
        courses.require(school, code, itemCode, term);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/courses/{code}/requirements/{itemCode}/{term}")
    ResponseEntity<Void> unrequire(
            @PathVariable String code,
            @PathVariable String itemCode,
            @PathVariable String term,
            @RequestParam(required = false) String school) {
        courses.unrequire(school, code, itemCode, term);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/workshops")
    Paged<WorkshopView> workshops(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) WorkshopKind kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return workshops.list(school, kind, PageQuery.of(page, size));
    }

    @GetMapping("/workshops/{id}")
    WorkshopView workshop(@PathVariable long id) {
        return workshops.get(id);
    }

    @PostMapping("/workshops")
    ResponseEntity<WorkshopView> createWorkshop(@Valid @RequestBody WorkshopForm form) {
        WorkshopView created = workshops.create(form);
        return ResponseEntity.created(URI.create("/api/v1/training/workshops/" + created.id()))
                .body(created);
    }

    @PutMapping("/workshops/{id}")
    WorkshopView updateWorkshop(@PathVariable long id, @Valid @RequestBody WorkshopForm form) {
        return workshops.update(id, form);
    }

    @DeleteMapping("/workshops/{id}")
    ResponseEntity<Void> deleteWorkshop(@PathVariable long id) {
        workshops.delete(id);
        return ResponseEntity.noContent().build();
    }
}
