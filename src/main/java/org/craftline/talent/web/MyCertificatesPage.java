package org.craftline.talent.web;

import org.craftline.talent.domain.Certificates;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A student's or graduate's own certificates. */
@Controller
class MyCertificatesPage {

    private final Certificates certificates;

    MyCertificatesPage(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/me/certificates")
    String mine(Model model) {
        model.addAttribute("certificates", certificates.mine());
        return "talent/my-certificates";
    }
}
