package org.craftline.development.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.craftline.development.domain.BudgetLineForm;
import org.craftline.development.domain.ExpenditureForm;
import org.craftline.development.domain.ExpenditureView;
import org.craftline.development.domain.Expenditures;
import org.craftline.development.domain.Ledger;
import org.craftline.development.domain.ProjectForm;
import org.craftline.development.domain.ProjectStatus;
import org.craftline.development.domain.ProjectView;
import org.craftline.development.domain.Projects;
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

/**
 * REST API of the funded projects of the user's schools: the ledger (lines with planned, spent and
 * balance; totals; spending per month), budget lines and expenditures. DELETE of an expenditure
 * writes a reversal entry and answers it; nothing is ever removed from a ledger.
 */
@RestController
@RequestMapping("/api/v1/projects")
class ProjectApiController {

    private final Projects projects;
    private final Expenditures expenditures;

    ProjectApiController(Projects projects, Expenditures expenditures) {
        this.projects = projects;
        this.expenditures = expenditures;
    }

    @GetMapping
    Paged<ProjectView> list(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) ProjectStatus status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return projects.list(new Projects.Filter(year, status, q), PageQuery.of(page, size, after));
    }

    @GetMapping("/{id}")
    Ledger get(@PathVariable long id) {
        return projects.ledger(id);
    }

    @PostMapping
    ResponseEntity<ProjectView> create(@Valid @RequestBody ProjectForm form) {
        ProjectView created = projects.create(form);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    ProjectView update(@PathVariable long id, @Valid @RequestBody ProjectForm form) {
        return projects.update(id, form);
    }

    @GetMapping("/{id}/lines")
    java.util.List<Ledger.Line> lines(@PathVariable long id) {
        return projects.ledger(id).lines();
    }

    @PostMapping("/{id}/lines")
    ResponseEntity<Ledger.Line> addLine(@PathVariable long id, @Valid @RequestBody BudgetLineForm form) {
        return ResponseEntity.status(201).body(projects.addLine(id, form));
    }

    @GetMapping("/{id}/expenditures")
    Paged<ExpenditureView> expenditures(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return expenditures.list(id, PageQuery.of(page, size, after));
    }

    @GetMapping("/{id}/expenditures/{entry}")
    ExpenditureView expenditure(@PathVariable long id, @PathVariable long entry) {
        return expenditures.get(id, entry);
    }

    @PostMapping("/{id}/expenditures")
    ResponseEntity<ExpenditureView> spend(@PathVariable long id, @Valid @RequestBody ExpenditureForm form) {
        ExpenditureView created = expenditures.spend(id, form);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/expenditures/" + created.id()))
                .body(created);
    }

    /** Reverses the entry (the reason is required) and answers the reversal entry. */
    @DeleteMapping("/{id}/expenditures/{entry}")
    ExpenditureView reverse(
            @PathVariable long id, @PathVariable long entry, @RequestParam(required = false) String reason) {
        return expenditures.reverse(id, entry, reason);
    }
}
