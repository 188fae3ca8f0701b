package org.craftline.platform.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.craftline.platform.Tenancy;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports, templates, exports and import history over the REST API. */
@RestController
class ImportApiController {

    private final Importer importer;
    private final Uploads uploads;
    private final Exports exports;
    private final ImportHistory history;
    private final Tenancy tenancy;

    ImportApiController(Importer importer, Uploads uploads, Exports exports, ImportHistory history, Tenancy tenancy) {
        this.importer = importer;
        this.uploads = uploads;
        this.exports = exports;
        this.history = history;
        this.tenancy = tenancy;
    }

    /** 200 with the counts and errors of a dry run; 200 for a commit that wrote; 422 when nothing was written. */
    @PostMapping("/api/v1/imports/{kind}")
    ResponseEntity<ImportResult> importFile(
            @PathVariable String kind,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(required = false) MultipartFile file,
            Locale locale)
            throws IOException {
        importer.importable(kind);
        String token;
        try {
            token = uploads.save(file);
        } catch (ImportFileException e) {
            return ResponseEntity.status(422)
                    .body(importer.refused(kind, dryRun, file == null ? "" : name(file), e, locale));
        }
        try {
            ImportResult result = importer.run(kind, uploads.path(token), name(file), dryRun, locale);
            boolean refused = result.hasErrors() && (!dryRun || result.rows() == 0);
            return ResponseEntity.status(refused ? 422 : 200).body(result);
        } finally {
            uploads.delete(token);
        }
    }

    /** Also under the page paths, so a signed-in page can link to its downloads. */
    @GetMapping({"/api/v1/imports/{kind}/template", "/imports/{kind}/template"})
    void template(
            @PathVariable String kind,
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) String lang,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        exports.template(importer.kind(kind), format, english(lang, locale), response);
    }

    @GetMapping({"/api/v1/exports/{kind}", "/exports/{kind}"})
    void export(
            @PathVariable String kind,
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) String lang,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        exports.export(importer.kind(kind), format, english(lang, locale), response);
    }

    @GetMapping("/api/v1/imports")
    Paged<ImportHistory.Entry> history(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return history.list(tenancy.scope(), kind, PageQuery.of(page, size));
    }

    private static boolean english(String lang, Locale locale) {
        return lang == null ? "en".equals(locale.getLanguage()) : "en".equals(lang);
    }

    static String name(MultipartFile file) {
        String name = file.getOriginalFilename();
        // the name is only shown and kept in the history: control characters would not store
        name = name == null ? "" : name.replaceAll("\\p{Cc}", "").strip();
        return name.isEmpty() ? "upload" : name;
    }
}
