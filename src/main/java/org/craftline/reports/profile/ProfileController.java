package org.craftline.reports.profile;

import java.util.Locale;
import org.craftline.reports.support.Languages;
import org.craftline.reports.support.OwnSchool;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page {@code /reports/profile?school=}: in the page's language; without a school, the user's own. */
@Controller
class ProfileController {

    private final Profile profile;
    private final OwnSchool own;

    ProfileController(Profile profile, OwnSchool own) {
        this.profile = profile;
        this.own = own;
    }

    @GetMapping("/reports/profile")
    String page(@RequestParam(required = false) String school, Model model, Locale locale) {
        Locale language = Languages.english(locale) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        model.addAttribute("profile", profile.of(own.codeOr(school), language));
        return "reports/profile";
    }
}
