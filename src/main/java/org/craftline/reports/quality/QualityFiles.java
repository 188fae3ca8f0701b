package org.craftline.reports.quality;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.craftline.reports.support.Languages;
import org.craftline.shared.InvalidFieldException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The report in each of its formats, for the API and for the page's downloads alike: the XHTML
 * document, the PDF made from that same document, and the workbook.
 */
@Component
class QualityFiles {

    enum Format {
        HTML,
        PDF,
        XLSX
    }

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final String STYLESHEET = "/css/quality-report.css";

    private final QualityReport reports;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final QualityPdf pdf;
    private final ResourceUrlProvider files;

    QualityFiles(
            QualityReport reports,
            MessageSource messages,
            ITemplateEngine templates,
            QualityPdf pdf,
            ResourceUrlProvider files) {
        this.reports = reports;
        this.messages = messages;
        this.templates = templates;
        this.pdf = pdf;
        this.files = files;
    }

    ResponseEntity<byte[]> respond(String school, Integer year, String format, String lang, String contextPath) {
        Format chosen = format(format);
        Locale locale = Languages.locale(lang);
        Report report = reports.of(school, year);
        QualityText text = new QualityText(messages, locale);
        return switch (chosen) {
            case HTML ->
                ResponseEntity.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .body(xhtml(text.document(report), locale, false, contextPath)
                                .getBytes(StandardCharsets.UTF_8));
            case PDF -> attachment(pdf(report, text, locale), MediaType.APPLICATION_PDF, filename(report, "pdf"));
            case XLSX -> attachment(QualityWorkbook.write(report, text), XLSX, filename(report, "xlsx"));
        };
    }

    /** The report's body for the app's page, in the user's language. */
    QualityDocument document(Report report) {
        return new QualityText(messages, LocaleContextHolder.getLocale()).document(report);
    }

    byte[] pdf(Report report, QualityText text, Locale locale) {
        QualityDocument document = text.document(report);
        return pdf.render(xhtml(document, locale, true, ""), document.lang());
    }

    /** The standalone document: links the stylesheet in a browser, embeds it for the PDF. */
    String xhtml(QualityDocument document, Locale locale, boolean forPdf, String contextPath) {
        Map<String, Object> variables = Map.of(
                "report",
                document,
                "pdf",
                forPdf,
                "css",
                forPdf ? pdf.css() : "",
                "cssHref",
                contextPath + stylesheet());
        return templates.process("reports/quality-document", new Context(locale, variables));
    }

    // the stylesheet's content-hashed address, as the pages link theirs: static files are cached for a year
    private String stylesheet() {
        String hashed = files.getForLookupPath(STYLESHEET);
        return hashed != null ? hashed : STYLESHEET;
    }

    static Format format(String format) {
        if (format == null || format.isBlank()) {
            return Format.HTML;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "html" -> Format.HTML;
            case "pdf" -> Format.PDF;
            case "xlsx" -> Format.XLSX;
            default -> throw new InvalidFieldException("format", "quality.format.invalid");
        };
    }

    private static String filename(Report report, String extension) {
        return "quality-report-" + report.school().code() + "-" + report.year() + "." + extension;
    }

    private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(body);
    }
}
