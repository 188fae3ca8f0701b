package org.craftline.jobs.web;

import org.craftline.jobs.domain.RecommendationList;
import org.craftline.jobs.domain.Recommendations;
import org.craftline.shared.PageQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A posting's recommended people, for its unit (masked) and for the students' own school. */
@RestController
class RecommendationApiController {

    private final Recommendations recommendations;

    RecommendationApiController(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    @GetMapping("/api/v1/postings/{postingId}/recommendations")
    RecommendationList recommendations(
            @PathVariable long postingId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return recommendations.forPosting(postingId, PageQuery.of(page, size));
    }
}
