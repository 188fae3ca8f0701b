package org.craftline.platform.imports;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;
import org.craftline.platform.Tenancy;
import org.craftline.platform.web.UploadLimit;
import org.craftline.shared.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: pick a kind, upload, see the dry run's preview with every refused row, then
 * confirm. The uploaded file waits on disk between preview and confirmation, tied to the session.
 */
@Controller
class ImportPages {

    private static final String PENDING = "craftline.import.";

    private final Importer importer;
    private final Uploads uploads;
    private final ImportHistory history;
    private final Tenancy tenancy;
    private final UploadLimit uploadLimit;

    ImportPages(Importer importer, Uploads uploads, ImportHistory history, Tenancy tenancy, UploadLimit uploadLimit) {
        this.importer = importer;
        this.uploads = uploads;
        this.history = history;
        this.tenancy = tenancy;
        this.uploadLimit = uploadLimit;
    }

    record Pending(String kind, String fileName) {}

    @GetMapping("/imports")
    String page(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("kinds", importer.kinds());
        model.addAttribute("history", history.list(tenancy.scope(), null, PageQuery.of(page, null)));
        return "platform/imports";
    }

    @PostMapping("/imports/{kind}/preview")
    String preview(
            @PathVariable String kind,
            @RequestParam(required = false) MultipartFile file,
            Locale locale,
            HttpSession session,
            Model model)
            throws IOException {
        importer.importable(kind);
        String name = file == null ? "" : ImportApiController.name(file);
        try {
            String token = uploads.save(file);
            ImportResult result = importer.run(kind, uploads.path(token), name, true, locale);
            if (result.hasErrors()) {
                uploads.delete(token);
            } else {
                session.setAttribute(PENDING + token, new Pending(kind, name));
                model.addAttribute("token", token);
            }
            model.addAttribute("result", result);
        } catch (ImportFileException e) {
            model.addAttribute("result", importer.refused(kind, true, name, e, locale));
        }
        return page(null, model);
    }

    @PostMapping("/imports/{kind}/commit")
    String commit(
            @PathVariable String kind, @RequestParam String token, Locale locale, HttpSession session, Model model) {
        importer.importable(kind);
        Object pending = session.getAttribute(PENDING + token);
        if (!(pending instanceof Pending p) || !p.kind().equals(kind)) {
            model.addAttribute(
                    "result",
                    importer.refused(kind, false, "", new ImportFileException("import.file.expired"), locale));
            return page(null, model);
        }
        try {
            model.addAttribute("result", importer.run(kind, uploads.path(token), p.fileName(), false, locale));
        } finally {
            session.removeAttribute(PENDING + token);
            uploads.delete(token);
        }
        return page(null, model);
    }

    /**
     * An upload over the container's multipart limit (resolved lazily, so it fails within this
     * controller's chain, as soon as anything reads a parameter): 413 and the import page naming the
     * limit. The layout's model attributes are set here, as an exception handler's model starts
     * empty. No run is recorded: not a byte of the file was kept.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String uploadTooLarge(Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        model.addAttribute("me", tenancy.currentUser());
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("listQuery", "");
        model.addAttribute("langQuery", "");
        model.addAttribute("uploadLimit", uploadLimit.shown());
        return page(null, model);
    }
}
