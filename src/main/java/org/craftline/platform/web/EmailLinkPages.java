package org.craftline.platform.web;

import org.craftline.platform.OwnEmail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link that confirms a user's email address, opened from the mail without signing in. Opening
 * the page changes nothing (a mail program may fetch links to check them); its button confirms.
 */
@Controller
class EmailLinkPages {

    private final OwnEmail email;

    EmailLinkPages(OwnEmail email) {
        this.email = email;
    }

    @GetMapping("/public/email/{token}")
    String page(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "platform/email-confirm";
    }

    @PostMapping("/public/email/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("outcome", email.confirm(token));
        return "platform/email-confirm";
    }
}
