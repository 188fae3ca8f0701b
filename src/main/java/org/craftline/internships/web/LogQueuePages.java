package org.craftline.internships.web;

import org.craftline.internships.domain.LogQueries;
import org.craftline.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The two queues of weekly logs: the supervisor's to review, the enterprise mentor's to co-sign. */
@Controller
@RequestMapping("/internships/logs")
class LogQueuePages {

    private final LogQueries queries;

    LogQueuePages(LogQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/review")
    String review(
            @RequestParam(required = false) String supervisor,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("supervisor", supervisor);
        model.addAttribute("entries", queries.awaitingReview(supervisor, PageQuery.of(page, null)));
        model.addAttribute("queue", "review");
        return "internships/log-queue";
    }

    @GetMapping("/to-sign")
    String toSign(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("entries", queries.awaitingSignature(PageQuery.of(page, null)));
        model.addAttribute("queue", "sign");
        return "internships/log-queue";
    }
}
