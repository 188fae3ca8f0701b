package org.craftline.training.web;

import jakarta.validation.Valid;
import java.net.URI;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.training.domain.SessionForm;
import org.craftline.training.domain.SessionView;
import org.craftline.training.domain.TrainingRates;
import org.craftline.training.domain.TrainingSessions;
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

/** REST API of the training sessions held and of the practical-training rate. */
@RestController
@RequestMapping("/api/v1/training")
class SessionApiController {

    private final TrainingSessions sessions;
    private final TrainingRates rates;

    SessionApiController(TrainingSessions sessions, TrainingRates rates) {
        this.sessions = sessions;
        this.rates = rates;
    }

    @GetMapping("/sessions")
    Paged<SessionView> list(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) String term,
            @RequestParam(required = false) String className,
            @RequestParam(required = false) String course,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return sessions.list(new TrainingSessions.Filter(school, term, className, course), PageQuery.of(page, size));
    }

    @GetMapping("/sessions/{id}")
    SessionView get(@PathVariable long id) {
        return sessions.get(id);
    }

    @PostMapping("/sessions")
    ResponseEntity<SessionView> create(@Valid @RequestBody SessionForm form) {
        SessionView created = sessions.create(form);
        return ResponseEntity.created(URI.create("/api/v1/training/sessions/" + created.id()))
                .body(created);
    }

    @PutMapping("/sessions/{id}")
    SessionView update(@PathVariable long id, @Valid @RequestBody SessionForm form) {
        return sessions.update(id, form);
    }

    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        sessions.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** The school's rate, per major and per course, and the required items not yet held in the term. */
    @GetMapping("/rates")
    TrainingRates.Rates rates(
            @RequestParam(required = false) String school, @RequestParam(required = false) String term) {
        return rates.of(school, term);
    }
}
