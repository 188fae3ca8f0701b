package org.craftline.platform.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.Role;
import org.craftline.platform.SpreadsheetWriter;
import org.craftline.platform.Tenancy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Templates and exports of every kind, streamed to the response in the template's layout. */
@Component
class Exports {

    private final Tenancy tenancy;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    Exports(Tenancy tenancy, AuditLog audit, TransactionTemplate tx) {
        this.tenancy = tenancy;
        this.audit = audit;
        this.tx = tx;
    }

    void template(ImportKind kind, String format, boolean english, HttpServletResponse response) throws IOException {
        String fmt = format(format);
        start(response, kind.name() + "-template", fmt);
        try (OutputStream out = response.getOutputStream();
                SpreadsheetWriter writer = SpreadsheetWriter.of(fmt, out, kind.name())) {
            writer.row(headers(kind, english));
            // no example row to import by mistake: the second sheet explains each column instead
            if (writer.sheet(english ? "Notes" : "说明")) {
                writer.row(english ? NOTES_EN : NOTES_ZH);
                for (ImportColumn c : kind.columns()) {
                    writer.row(List.of(c.header(english), required(c, english), c.example()));
                }
            }
        }
    }

    private static final List<String> NOTES_ZH = List.of("列", "必填", "示例");
    private static final List<String> NOTES_EN = List.of("Column", "Required", "Example");

    private static String required(ImportColumn column, boolean english) {
        if (english) {
            return column.required() ? "yes" : "no";
        }
        return column.required() ? "是" : "否";
    }

    /** Exports the user's scope; administrators get unmasked values, and that export is audited. */
    void export(ImportKind kind, String format, boolean english, HttpServletResponse response) throws IOException {
        String fmt = format(format);
        CurrentUser user = tenancy.currentUser();
        boolean unmasked = user.role() == Role.SYSTEM_ADMIN || user.role() == Role.SCHOOL_ADMIN;
        AtomicLong rows = new AtomicLong();
        start(response, kind.name() + "-" + LocalDate.now(), fmt);
        try (OutputStream out = response.getOutputStream();
                SpreadsheetWriter writer = SpreadsheetWriter.of(fmt, out, kind.name())) {
            writer.row(headers(kind, english));
            tx.executeWithoutResult(status -> {
                status.setRollbackOnly();
                kind.export(tenancy.scopeOf(user), unmasked, english, row -> {
                    writer.row(row);
                    rows.incrementAndGet();
                });
            });
        }
        tx.executeWithoutResult(status -> audit.record(
                "EXPORT", kind.name(), fmt, user.schoolId(), null, Map.of("rows", rows.get(), "unmasked", unmasked)));
    }

    private static List<String> headers(ImportKind kind, boolean english) {
        return kind.columns().stream().map(c -> c.header(english)).toList();
    }

    private static String format(String format) {
        return "csv".equalsIgnoreCase(format) ? "csv" : "xlsx";
    }

    private static void start(HttpServletResponse response, String name, String format) {
        response.setContentType(
                "csv".equals(format)
                        ? "text/csv; charset=UTF-8"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String file = URLEncoder.encode(name + "." + format, StandardCharsets.UTF_8);
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + file);
    }
}
