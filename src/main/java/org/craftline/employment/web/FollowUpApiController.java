package org.craftline.employment.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.craftline.employment.domain.DestinationView;
import org.craftline.employment.domain.FollowUpConfirmations;
import org.craftline.employment.domain.FollowUpRounds;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of follow-up rounds and their answers (the graduates answer through their links' pages). */
@RestController
@RequestMapping("/api/v1")
class FollowUpApiController {

    private final FollowUpRounds rounds;
    private final FollowUpConfirmations confirmations;

    FollowUpApiController(FollowUpRounds rounds, FollowUpConfirmations confirmations) {
        this.rounds = rounds;
        this.confirmations = confirmations;
    }

    /** A round with its response by class. */
    record RoundDetail(FollowUpRounds.RoundView round, List<FollowUpRounds.ClassRate> classes) {}

    @GetMapping("/follow-up-rounds")
    List<FollowUpRounds.RoundView> rounds() {
        return rounds.rounds();
    }

    @PostMapping("/follow-up-rounds")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUpRounds.RoundView open(@Valid @RequestBody FollowUpRounds.OpenForm form) {
        return rounds.open(form);
    }

    @GetMapping("/follow-up-rounds/{id}")
    RoundDetail round(@PathVariable long id) {
        return new RoundDetail(rounds.round(id), rounds.classes(id));
    }

    /** Reminds the round's graduates who have not answered; answers how many. */
    @PostMapping("/follow-up-rounds/{id}/reminders")
    Map<String, Integer> remind(@PathVariable long id) {
        return Map.of("reminded", rounds.remind(id));
    }

    /** The answers waiting for confirmation, of a round or all; {@code after}: the last request id of the page before. */
    @GetMapping("/follow-up-answers/pending")
    Paged<FollowUpConfirmations.PendingAnswer> pending(
            @RequestParam(required = false) Long round,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) Long after) {
        return confirmations.pending(round, PageQuery.of(page, size, after));
    }

    /** Confirms the round's waiting answers, at most 2,000 a call; answers how many. */
    @PostMapping("/follow-up-rounds/{id}/confirmations")
    FollowUpConfirmations.ConfirmedAll confirmAll(@PathVariable long id) {
        return confirmations.confirmAll(id);
    }

    @PostMapping("/follow-up-answers/{id}/confirm")
    DestinationView confirm(@PathVariable long id) {
        return confirmations.confirm(id);
    }
}
