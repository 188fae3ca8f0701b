package org.craftline.reports.quality;

import java.nio.charset.StandardCharsets;
import org.craftline.platform.HtmlPdf;
import org.springframework.stereotype.Component;

/**
 * The report's XHTML as an A4 PDF through the platform's renderer (with the shipped CJK font); the
 * stylesheet is read from the classpath once.
 */
@Component
class QualityPdf {

    static final String CSS = "static/css/quality-report.css";

    private final HtmlPdf pdf;
    private volatile String css;

    QualityPdf(HtmlPdf pdf) {
        this.pdf = pdf;
    }

    /** The stylesheet the HTML format links, for embedding in the PDF's document. */
    String css() {
        String loaded = css;
        if (loaded == null) {
            loaded = new String(HtmlPdf.read(CSS), StandardCharsets.UTF_8);
            css = loaded;
        }
        return loaded;
    }

    byte[] render(String xhtml, String language) {
        return pdf.render(xhtml, language);
    }
}
