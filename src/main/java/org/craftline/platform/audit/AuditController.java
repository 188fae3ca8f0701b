package org.craftline.platform.audit;

import java.time.LocalDate;
import java.util.Locale;
import org.craftline.platform.Tenancy;
import org.craftline.shared.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page: the operator sees all, a school administrator its own school's changes. */
@Controller
class AuditController {

    private final AuditQueries queries;
    private final Tenancy tenancy;
    private final AuditView view;

    AuditController(AuditQueries queries, Tenancy tenancy, AuditView view) {
        this.queries = queries;
        this.tenancy = tenancy;
        this.view = view;
    }

    @GetMapping("/audit")
    String list(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Locale locale,
            Model model) {
        var filter = new AuditQueries.Filter(type, user, key, from, to);
        model.addAttribute("filter", filter);
        model.addAttribute(
                "events",
                queries.find(tenancy.scope(), filter, PageQuery.of(page, 50, after))
                        .map(e -> view.of(e, locale)));
        return "platform/audit";
    }
}
