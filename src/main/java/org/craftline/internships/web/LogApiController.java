package org.craftline.internships.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.craftline.internships.domain.LogEntry;
import org.craftline.internships.domain.LogForm;
import org.craftline.internships.domain.LogQueries;
import org.craftline.internships.domain.LogSignatures;
import org.craftline.internships.domain.LogView;
import org.craftline.internships.domain.ReviewForm;
import org.craftline.internships.domain.SignForm;
import org.craftline.internships.domain.WeeklyLogs;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of weekly logs: the student writes its own (and adds photos) until the enterprise mentor
 * co-signs; the school's supervisor then reviews. The two queues: logs to review, logs to co-sign.
 */
@RestController
@RequestMapping("/api/v1/internships")
class LogApiController {

    private final LogQueries queries;
    private final WeeklyLogs logs;
    private final LogSignatures signatures;

    LogApiController(LogQueries queries, WeeklyLogs logs, LogSignatures signatures) {
        this.queries = queries;
        this.logs = logs;
        this.signatures = signatures;
    }

    @GetMapping("/{id}/logs")
    List<LogView> list(@PathVariable long id) {
        return queries.list(id);
    }

    @PostMapping("/{id}/logs")
    ResponseEntity<LogView> write(@PathVariable long id, @Valid @RequestBody LogForm form) {
        LogView created = logs.write(id, form, List.of());
        return ResponseEntity.created(URI.create("/api/v1/internships/" + id + "/logs/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}/logs/{logId}")
    LogView get(@PathVariable long id, @PathVariable long logId) {
        return queries.get(id, logId);
    }

    @PutMapping("/{id}/logs/{logId}")
    LogView change(@PathVariable long id, @PathVariable long logId, @Valid @RequestBody LogForm form) {
        return logs.change(id, logId, form);
    }

    /** Adds a photo (PNG or JPEG, at most 5 MB, at most five a log) to a log not yet co-signed. */
    @PostMapping(path = "/{id}/logs/{logId}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LogView photo(
            @PathVariable long id,
            @PathVariable long logId,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "version", required = false) Integer version) {
        return logs.addPhoto(id, logId, file, version);
    }

    @GetMapping("/{id}/logs/{logId}/photos/{photoId}")
    ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long logId, @PathVariable long photoId) {
        return StoredFiles.attachment(queries.photo(id, logId, photoId));
    }

    @PostMapping("/{id}/logs/{logId}/sign")
    LogView sign(@PathVariable long id, @PathVariable long logId, @RequestBody SignForm form) {
        return signatures.sign(id, logId, form.version());
    }

    @PostMapping("/{id}/logs/{logId}/review")
    LogView review(@PathVariable long id, @PathVariable long logId, @Valid @RequestBody ReviewForm form) {
        return signatures.review(id, logId, form);
    }

    /** The supervisor's queue: the school's logs co-signed and not yet reviewed, optionally of one supervisor. */
    @GetMapping("/logs/review-queue")
    Paged<LogEntry> reviewQueue(
            @RequestParam(required = false) String supervisor,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return queries.awaitingReview(supervisor, PageQuery.of(page, size));
    }

    /** The logs awaiting the mentor's co-signature (for an enterprise user: its unit's interns'). */
    @GetMapping("/logs/to-sign")
    Paged<LogEntry> toSign(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return queries.awaitingSignature(PageQuery.of(page, size));
    }
}
