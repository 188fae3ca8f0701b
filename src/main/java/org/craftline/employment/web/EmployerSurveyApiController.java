package org.craftline.employment.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.craftline.employment.domain.EmployerSurveys;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The employer survey through the API: the school's surveys, and a unit's own requests and answers. */
@RestController
class EmployerSurveyApiController {

    private final EmployerSurveys surveys;

    EmployerSurveyApiController(EmployerSurveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/api/v1/employer-surveys")
    List<EmployerSurveys.SurveyView> surveys() {
        return surveys.surveys();
    }

    /** Opens a year's survey: {@code {"graduationYear": 2025, "closesOn": "2026-12-31", "schoolCode": null}}. */
    @PostMapping("/api/v1/employer-surveys")
    @ResponseStatus(HttpStatus.CREATED)
    EmployerSurveys.SurveyView open(@Valid @RequestBody EmployerSurveys.OpenForm form) {
        return surveys.open(form);
    }

    /** The survey with its units' answers. */
    @GetMapping("/api/v1/employer-surveys/{id}")
    Map<String, Object> survey(@PathVariable long id) {
        return Map.of("survey", surveys.survey(id), "ratings", surveys.ratings(id));
    }

    /** The signed-in unit's requests (an enterprise user; empty for others). */
    @GetMapping("/api/v1/me/employer-ratings")
    List<EmployerSurveys.RatingView> mine() {
        return surveys.mine();
    }

    /** The signed-in unit's answer: {@code {"skills": 1-5, "attitude": 1-5, "hireAgain": true, "remark": "..."}}. */
    @PutMapping("/api/v1/me/employer-ratings/{id}")
    EmployerSurveys.RatingView answer(@PathVariable long id, @Valid @RequestBody EmployerSurveys.RatingForm form) {
        return surveys.answerMine(id, form);
    }
}
