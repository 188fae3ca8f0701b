package org.craftline.social.web;

import org.craftline.shared.PageQuery;
import org.craftline.social.domain.Trainees;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/social/trainees")
class TraineePages {

    private final Trainees trainees;

    TraineePages(Trainees trainees) {
        this.trainees = trainees;
    }

    @GetMapping
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String idTail,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new Trainees.Filter(q, idTail);
        model.addAttribute("filter", filter);
        model.addAttribute("trainees", trainees.search(filter, PageQuery.of(page, null, after)));
        return "social/trainees";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("trainee", trainees.get(id));
        model.addAttribute("history", trainees.history(id));
        return "social/trainee";
    }

    /** Shows the unmasked ID number and phone once; the reveal is audited. */
    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("trainee", trainees.reveal(id));
        model.addAttribute("history", trainees.history(id));
        model.addAttribute("revealed", true);
        return "social/trainee";
    }
}
