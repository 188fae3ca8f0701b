package org.craftline.platform;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.PageSizeUnits;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Turns an XHTML document into an A4 PDF with the shipped CJK TrueType font embedded (subset), so
 * Chinese prints on a machine without any CJK font. The one renderer of the application's printed
 * documents (the quality report, a job fair's list): their stylesheets name {@link #FONT_FAMILY}.
 * The font (4 MB) is read from the classpath once; a renderer is built per document.
 */
@Component
public class HtmlPdf {

    public static final String FONT_FAMILY = "Droid Sans Fallback";
    static final String FONT = "fonts/DroidSansFallbackFull.ttf";

    static {
        // the renderer logs every stage of every PDF at INFO through java.util.logging; warnings suffice
        XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.WARNING));
    }

    private volatile byte[] font;

    /** The PDF of the document, its natural language (/Lang) set to the given tag. */
    public byte[] render(String xhtml, String language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        byte[] fontBytes = font();
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .useFont((FSSupplier<InputStream>) () -> new ByteArrayInputStream(fontBytes), FONT_FAMILY)
                .useDefaultPageSize(210, 297, PageSizeUnits.MM)
                .withProducer("Craftline")
                .withHtmlContent(xhtml, null)
                .toStream(out);
        // the document is ours, but nothing in it may make the renderer read a file or the network
        builder.useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl(
                (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.setListener(new Language(language));
            renderer.layout();
            renderer.createPDF();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] font() {
        byte[] loaded = font;
        if (loaded == null) {
            loaded = read(FONT);
            font = loaded;
        }
        return loaded;
    }

    /** A file of the classpath, e.g. a stylesheet to embed in a document. */
    public static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the document's natural language (/Lang), which the renderer leaves to PDF/UA mode. */
    private record Language(String tag) implements PDFCreationListener {

        @Override
        public void preOpen(PdfBoxRenderer renderer) {}

        @Override
        public void preWrite(PdfBoxRenderer renderer, int pageCount) {
            renderer.getPdfDocument().getDocumentCatalog().setLanguage(tag);
        }

        @Override
        public void onClose(PdfBoxRenderer renderer) {}
    }
}
