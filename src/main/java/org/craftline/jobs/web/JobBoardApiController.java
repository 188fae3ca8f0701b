package org.craftline.jobs.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.craftline.jobs.domain.JobBoard;
import org.craftline.jobs.domain.PostingKind;
import org.craftline.jobs.domain.RecommendationConsent;
import org.craftline.jobs.domain.SavedSearch;
import org.craftline.jobs.domain.SavedSearches;
import org.craftline.jobs.domain.SearchForm;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A graduate's own job board: fitting postings first, its saved searches, its consent to be recommended. */
@RestController
@RequestMapping("/api/v1/me/jobs")
class JobBoardApiController {

    private final JobBoard board;
    private final SavedSearches searches;
    private final RecommendationConsent consent;

    JobBoardApiController(JobBoard board, SavedSearches searches, RecommendationConsent consent) {
        this.board = board;
        this.searches = searches;
        this.consent = consent;
    }

    /** Whether the graduate keeps itself off the units' recommendations. */
    record OptOut(@NotNull Boolean optedOut) {}

    @GetMapping
    Paged<JobBoard.Entry> board(
            @RequestParam(required = false) PostingKind kind,
            @RequestParam(required = false) String town,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return board.list(new JobBoard.Filter(kind, town, q), PageQuery.of(page, size));
    }

    @GetMapping("/searches")
    List<SavedSearch> searches() {
        return searches.list();
    }

    @PostMapping("/searches")
    ResponseEntity<SavedSearch> save(@Valid @RequestBody SearchForm form) {
        SavedSearch saved = searches.save(form);
        return ResponseEntity.created(URI.create("/api/v1/me/jobs/searches/" + saved.id()))
                .body(saved);
    }

    /** The board as the saved search filters it: the search re-run. */
    @GetMapping("/searches/{searchId}")
    Paged<JobBoard.Entry> run(
            @PathVariable long searchId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return board.list(searches.get(searchId).filter(), PageQuery.of(page, size));
    }

    @DeleteMapping("/searches/{searchId}")
    ResponseEntity<Void> delete(@PathVariable long searchId) {
        searches.delete(searchId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/opt-out")
    OptOut optOut() {
        return new OptOut(consent.optedOut());
    }

    @PostMapping("/opt-out")
    OptOut setOptOut(@Valid @RequestBody OptOut form) {
        return new OptOut(consent.set(form.optedOut()));
    }
}
