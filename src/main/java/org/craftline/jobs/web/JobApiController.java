package org.craftline.jobs.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.craftline.jobs.domain.ApplicationQueries;
import org.craftline.jobs.domain.ApplicationStage;
import org.craftline.jobs.domain.ApplicationView;
import org.craftline.jobs.domain.Applications;
import org.craftline.jobs.domain.PostingForm;
import org.craftline.jobs.domain.PostingKind;
import org.craftline.jobs.domain.PostingQueries;
import org.craftline.jobs.domain.PostingView;
import org.craftline.jobs.domain.Postings;
import org.craftline.jobs.domain.StageForm;
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

/** REST API of postings and applications: the unit posts and moves applicants, students apply, schools hide. */
@RestController
@RequestMapping("/api/v1")
class JobApiController {

    private final PostingQueries postingQueries;
    private final Postings postings;
    private final ApplicationQueries applicationQueries;
    private final Applications applications;

    JobApiController(
            PostingQueries postingQueries,
            Postings postings,
            ApplicationQueries applicationQueries,
            Applications applications) {
        this.postingQueries = postingQueries;
        this.postings = postings;
        this.applicationQueries = applicationQueries;
        this.applications = applications;
    }

    /** The version a change was made from. */
    record VersionForm(Integer version) {}

    /** Why a school keeps a posting from its students. */
    record HideForm(@NotBlank @Size(max = 500) String reason) {}

    @GetMapping("/postings")
    Paged<PostingView> postings(
            @RequestParam(required = false) Long enterprise,
            @RequestParam(required = false) PostingKind kind,
            @RequestParam(required = false) String town,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        var filter = new PostingQueries.Filter(enterprise, kind, town, q, open);
        return postingQueries.list(filter, PageQuery.of(page, size, after));
    }

    @GetMapping("/postings/{id}")
    PostingView posting(@PathVariable long id) {
        return postingQueries.get(id);
    }

    @PostMapping("/postings")
    ResponseEntity<PostingView> create(@Valid @RequestBody PostingForm form) {
        PostingView created = postings.create(form);
        return ResponseEntity.created(URI.create("/api/v1/postings/" + created.id()))
                .body(created);
    }

    @PutMapping("/postings/{id}")
    PostingView update(@PathVariable long id, @Valid @RequestBody PostingForm form) {
        return postings.update(id, form);
    }

    @PostMapping("/postings/{id}/close")
    PostingView close(@PathVariable long id, @RequestBody VersionForm form) {
        return postings.close(id, form.version());
    }

    @PostMapping("/postings/{id}/hide")
    PostingView hide(@PathVariable long id, @Valid @RequestBody HideForm form) {
        return postings.hide(id, form.reason());
    }

    @DeleteMapping("/postings/{id}/hide")
    PostingView unhide(@PathVariable long id) {
        return postings.unhide(id);
    }

    /** The signed-in student or graduate applies. */
    @PostMapping("/postings/{id}/applications")
    ResponseEntity<ApplicationView> apply(@PathVariable long id) {
        ApplicationView created = applications.apply(id);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + created.id()))
                .body(created);
    }

    @GetMapping("/applications")
    Paged<ApplicationView> applications(
            @RequestParam(required = false) Long posting,
            @RequestParam(required = false) ApplicationStage stage,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer size) {
        return applicationQueries.list(new ApplicationQueries.Filter(posting, stage), PageQuery.of(page, size, after));
    }

    @GetMapping("/applications/{id}")
    ApplicationView application(@PathVariable long id) {
        return applicationQueries.get(id);
    }

    @GetMapping("/applications/{id}/history")
    List<ApplicationQueries.StageEntry> history(@PathVariable long id) {
        return applicationQueries.history(id);
    }

    @PostMapping("/applications/{id}/stage")
    ApplicationView move(@PathVariable long id, @Valid @RequestBody StageForm form) {
        return applications.move(id, form);
    }

    @PostMapping("/applications/{id}/withdraw")
    ApplicationView withdraw(@PathVariable long id, @RequestBody VersionForm form) {
        return applications.withdraw(id, form.version());
    }
}
