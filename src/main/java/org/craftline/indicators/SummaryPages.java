package org.craftline.indicators;

import org.craftline.platform.Tenancy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's page of the summaries ({@code /admin/summaries}): their state, a verification
 * against the records, and a rebuild.
 */
@Controller
@RequestMapping("/admin/summaries")
class SummaryPages {

    private final Summaries summaries;
    private final Tenancy tenancy;

    SummaryPages(Summaries summaries, Tenancy tenancy) {
        this.summaries = summaries;
        this.tenancy = tenancy;
    }

    @GetMapping
    String page(Model model) {
        tenancy.scope().checkWriteShared();
        model.addAttribute("state", summaries.state());
        return "indicators/summaries";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        tenancy.scope().checkWriteShared();
        model.addAttribute("verification", summaries.verify());
        model.addAttribute("state", summaries.state());
        return "indicators/summaries";
    }

    @PostMapping("/rebuild")
    String rebuild(RedirectAttributes redirect) {
        tenancy.scope().checkWriteShared();
        summaries.rebuild();
        redirect.addFlashAttribute("flashMessage", "summaries.rebuilt");
        return "redirect:/admin/summaries";
    }
}
