package org.craftline.jobs.web;

import org.craftline.jobs.domain.UnitPortal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The enterprise user's home page: its unit at a glance. */
@Controller
class UnitPortalPages {

    private final UnitPortal portal;

    UnitPortalPages(UnitPortal portal) {
        this.portal = portal;
    }

    @GetMapping("/jobs/unit")
    String show(Model model) {
        model.addAttribute("portal", portal.mine());
        return "jobs/unit";
    }
}
