package org.craftline.reports.profile;

import org.craftline.reports.support.Languages;
import org.craftline.reports.support.OwnSchool;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/reports/profile?school=&lang=zh|en}: the school profile as paragraphs, with its figures. */
@RestController
class ProfileApiController {

    private final Profile profile;
    private final OwnSchool own;

    ProfileApiController(Profile profile, OwnSchool own) {
        this.profile = profile;
        this.own = own;
    }

    @GetMapping("/api/v1/reports/profile")
    Profile.View profile(@RequestParam(required = false) String school, @RequestParam(required = false) String lang) {
        return profile.of(own.codeOr(school), Languages.locale(lang));
    }
}
