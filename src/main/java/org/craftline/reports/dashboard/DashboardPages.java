package org.craftline.reports.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.craftline.indicators.Indicators;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.OfficeTodos;
import org.craftline.platform.Tenancy;
import org.craftline.reports.support.TableWorkbook;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard pages: {@code /dashboard} (a school's, a group's, a region's; without a parameter the
 * user's own) and {@code /dashboard/schools} (the schools side by side), each table exportable as .xlsx.
 */
@Controller
class DashboardPages {

    static final int SCHOOLS_PER_PAGE = 50;

    private final Dashboard dashboard;
    private final Comparison comparison;
    private final Subjects subjects;
    private final MessageSource messages;
    private final List<OfficeTodos> todos;
    private final Tenancy tenancy;

    DashboardPages(
            Dashboard dashboard,
            Comparison comparison,
            Subjects subjects,
            MessageSource messages,
            List<OfficeTodos> todos,
            Tenancy tenancy) {
        this.dashboard = dashboard;
        this.comparison = comparison;
        this.subjects = subjects;
        this.messages = messages;
        this.todos = todos;
        this.tenancy = tenancy;
    }

    /** The page at once; its figures and charts come from {@code /dashboard/body} (a region's take long). */
    @GetMapping("/dashboard")
    String dashboard(Asked asked, Model model, Locale locale) {
        model.addAttribute("subject", dashboard.subject(subjects.defaults(asked.request()), locale));
        model.addAttribute("bodyQuery", asked.query());
        CurrentUser user = tenancy.currentUser();
        model.addAttribute(
                "todos", todos.stream().flatMap(t -> t.todos(user).stream()).toList());
        return "reports/dashboard";
    }

    @GetMapping("/dashboard/body")
    String body(Asked asked, Model model, Locale locale) {
        model.addAttribute("view", dashboard.of(subjects.defaults(asked.request()), locale));
        model.addAttribute("points", Indicators.POINTS);
        return "reports/dashboard :: dashboardBody";
    }

    @GetMapping("/dashboard/export")
    void export(@RequestParam String chart, Asked asked, Locale locale, HttpServletResponse response)
            throws IOException {
        Dashboard.Table table =
                dashboard.of(subjects.defaults(asked.request()), locale).table(chart);
        List<List<Object>> rows = new ArrayList<>();
        for (Dashboard.Row row : table.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.label());
            cells.addAll(row.values());
            rows.add(cells);
        }
        xlsx(response, "dashboard-" + chart, new TableWorkbook.Sheet(table.title(), table.headers(), rows));
    }

    @GetMapping("/dashboard/schools")
    String schools(
            Asked asked,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model,
            Locale locale) {
        if (page != null && page > 1) { // a link to a later page: it must exist, as the body would say
            PageQuery.of(page, size == null ? SCHOOLS_PER_PAGE : size)
                    .checkWithin(comparison
                            .of(subjects.defaults(asked.schoolsRequest()), sort, dir, locale)
                            .rows()
                            .size());
        }
        model.addAttribute("subject", dashboard.subject(subjects.defaults(asked.schoolsRequest()), locale));
        model.addAttribute(
                "bodyQuery",
                asked.query(
                        "sort",
                        sort,
                        "dir",
                        dir,
                        "page",
                        page == null ? null : page.toString(),
                        "size",
                        size == null ? null : size.toString()));
        model.addAttribute("exportQuery", asked.query("sort", sort, "dir", dir));
        return "reports/compare";
    }

    /** The sorted schools, a page of them (a province has hundreds); the export has them all. */
    @GetMapping("/dashboard/schools/body")
    String schoolsBody(
            Asked asked,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model,
            Locale locale) {
        Indicators.Request request = subjects.defaults(asked.schoolsRequest());
        Comparison.View view = comparison.of(request, sort, dir, locale);
        PageQuery wanted = PageQuery.of(page, size == null ? SCHOOLS_PER_PAGE : size);
        wanted.checkWithin(view.rows().size());
        List<Comparison.SchoolRow> rows =
                view.rows().stream().skip(wanted.offset()).limit(wanted.size()).toList();
        model.addAttribute("view", view);
        model.addAttribute(
                "schools",
                new Paged<>(rows, wanted.page(), wanted.size(), view.rows().size()));
        model.addAttribute("subject", dashboard.subject(request, locale));
        return "reports/compare :: schoolsBody";
    }

    @GetMapping("/dashboard/schools/export")
    void exportSchools(
            Asked asked,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        Comparison.View view = comparison.of(subjects.defaults(asked.schoolsRequest()), sort, dir, locale);
        List<String> headers = new ArrayList<>(List.of(text("field.schoolCode", locale), text("field.school", locale)));
        view.columns().forEach(c -> headers.add(text("indicator." + c, locale)));
        List<List<Object>> rows = new ArrayList<>();
        for (Comparison.SchoolRow row : view.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.code(), row.name()));
            view.columns().forEach(c -> cells.add(row.values().get(c)));
            rows.add(cells);
        }
        xlsx(response, "schools", new TableWorkbook.Sheet(text("dashboard.compare.title", locale), headers, rows));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static void xlsx(HttpServletResponse response, String name, TableWorkbook.Sheet sheet) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename*=UTF-8''" + URLEncoder.encode(name + ".xlsx", StandardCharsets.UTF_8));
        TableWorkbook.write(response.getOutputStream(), List.of(sheet));
    }
}
