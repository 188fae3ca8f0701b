package org.craftline.jobs.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.craftline.jobs.domain.FairQueries;
import org.craftline.jobs.domain.FairViews;
import org.craftline.platform.HtmlPdf;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** A fair's printed list of units, booths and posts: XHTML from a template, printed by the platform's renderer. */
@Component
class FairSheet {

    static final String CSS = "static/css/fair-sheet.css";

    private final FairQueries queries;
    private final ITemplateEngine templates;
    private final HtmlPdf pdf;
    private volatile String css;

    FairSheet(FairQueries queries, ITemplateEngine templates, HtmlPdf pdf) {
        this.queries = queries;
        this.templates = templates;
        this.pdf = pdf;
    }

    /** The fair's list as a PDF download, in the user's language. */
    ResponseEntity<byte[]> download(long fairId) {
        Locale locale = LocaleContextHolder.getLocale();
        String lang = "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
        FairViews.FairView fair = queries.get(fairId);
        Map<String, Object> variables = Map.of(
                "fair", fair,
                "figures", queries.figures(fairId),
                "units", queries.units(fairId),
                "lang", lang,
                "css", css());
        String xhtml = templates.process("jobs/fair-sheet", new Context(locale, variables));
        byte[] body = pdf.render(xhtml, lang);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("job-fair-" + fairId + ".pdf")
                                .build()
                                .toString())
                .body(body);
    }

    private String css() {
        String loaded = css;
        if (loaded == null) {
            loaded = new String(HtmlPdf.read(CSS), StandardCharsets.UTF_8);
            css = loaded;
        }
        return loaded;
    }
}
