package org.craftline.jobs.web;

import org.craftline.jobs.domain.Recommendations;
import org.craftline.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The page of a posting's recommended people with their reasons. */
@Controller
class RecommendationPages {

    private final Recommendations recommendations;

    RecommendationPages(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    @GetMapping("/jobs/postings/{id}/recommendations")
    String recommendations(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("recs", recommendations.forPosting(id, PageQuery.of(page, null)));
        return "jobs/recommendations";
    }
}
