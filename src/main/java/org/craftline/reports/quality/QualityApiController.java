package org.craftline.reports.quality;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/quality?school=&year=&format=html|pdf|xlsx&lang=zh|en}: the annual
 * quality report of a school (the user's own when none is given) for a graduation year (the
 * latest when none is given).
 */
@RestController
class QualityApiController {

    private final QualityFiles files;

    QualityApiController(QualityFiles files) {
        this.files = files;
    }

    @GetMapping("/api/v1/reports/quality")
    ResponseEntity<byte[]> quality(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String lang,
            HttpServletRequest request) {
        return files.respond(school, year, format, lang, request.getContextPath());
    }
}
