package org.craftline.reports.quality;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.craftline.platform.Tenancy;
import org.craftline.reports.support.Languages;
import org.craftline.reports.support.OwnSchool;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The quality report page: the report in the app's layout with a year picker and the PDF and
 * workbook downloads, which are served here too (the API takes no session cookie).
 */
@Controller
class QualityPages {

    private final QualityReport reports;
    private final QualityFiles files;
    private final Tenancy tenancy;
    private final OwnSchool own;

    QualityPages(QualityReport reports, QualityFiles files, Tenancy tenancy, OwnSchool own) {
        this.reports = reports;
        this.files = files;
        this.tenancy = tenancy;
        this.own = own;
    }

    @GetMapping(value = "/reports/quality", params = "!format")
    String quality(
            @RequestParam(required = false) String school, @RequestParam(required = false) Integer year, Model model) {
        String code = pickers(school, model);
        if (code != null) {
            Report report = reports.of(code, year);
            model.addAttribute("report", files.document(report));
            model.addAttribute("year", report.year());
            model.addAttribute("years", years(code, report.year()));
        }
        return "reports/quality";
    }

    @GetMapping(value = "/reports/quality", params = "format")
    ResponseEntity<byte[]> download(
            @RequestParam(required = false) String school,
            @RequestParam(required = false) Integer year,
            @RequestParam String format,
            HttpServletRequest request) {
        return files.respond(school, year, format, null, request.getContextPath());
    }

    /** A year or format the report refuses: the page again, with the reason and without a report. */
    @ExceptionHandler(InvalidFieldException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidFieldException e, HttpServletRequest request, Model model) {
        String code = pickers(request.getParameter("school"), model);
        model.addAttribute("years", code == null ? List.of() : readableYears(code));
        model.addAttribute("flashError", e.messageKey());
        return "reports/quality";
    }

    /** The school shown (asked, or the user's own) and the schools to pick from for users without one. */
    private String pickers(String school, Model model) {
        boolean hasSchool = tenancy.currentUser().schoolId() != null;
        String code = school != null && !school.isBlank() ? school.strip() : hasSchool ? own.codeOr(null) : null;
        if (code != null) {
            model.addAttribute("schoolCode", code);
        }
        model.addAttribute("schoolOptions", hasSchool ? List.of() : reports.schoolOptions());
        model.addAttribute("english", Languages.english(LocaleContextHolder.getLocale()));
        return code;
    }

    private List<Integer> readableYears(String code) {
        try {
            return reports.years(code);
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private List<Integer> years(String code, int shown) {
        List<Integer> years = new ArrayList<>(reports.years(code));
        if (!years.contains(shown)) {
            years.add(0, shown);
        }
        return years;
    }
}
