package org.craftline.internships.web;

import java.util.List;
import org.craftline.internships.domain.LogForm;
import org.craftline.internships.domain.LogQueries;
import org.craftline.internships.domain.LogSignatures;
import org.craftline.internships.domain.LogView;
import org.craftline.internships.domain.PlacementQueries;
import org.craftline.internships.domain.PlacementView;
import org.craftline.internships.domain.ReviewForm;
import org.craftline.internships.domain.WeeklyLogs;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.FormSubmission;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly log's pages: the student's form (made for a phone), its photos, the mentor's
 * co-signature and the supervisor's review from the placement's page.
 */
@Controller
@RequestMapping("/internships/{id}/logs")
class LogPages {

    private final PlacementQueries placements;
    private final LogQueries queries;
    private final WeeklyLogs logs;
    private final LogSignatures signatures;

    LogPages(PlacementQueries placements, LogQueries queries, WeeklyLogs logs, LogSignatures signatures) {
        this.placements = placements;
        this.queries = queries;
        this.logs = logs;
        this.signatures = signatures;
    }

    @GetMapping("/new")
    String newForm(@PathVariable long id, Model model) {
        PlacementView p = placements.get(id);
        return form(model, p, new LogForm(logs.defaultWeek(p), "", null), null);
    }

    @PostMapping
    String write(
            @PathVariable long id,
            @Validated @ModelAttribute("form") LogForm form,
            BindingResult errors,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> logs.write(id, form, photos)).isEmpty()) {
            return form(model, placements.get(id), form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/internships/" + id;
    }

    @GetMapping("/{logId}/edit")
    String editForm(@PathVariable long id, @PathVariable long logId, Model model) {
        LogView log = queries.get(id, logId);
        return form(model, placements.get(id), new LogForm(log.weekOf(), log.body(), log.version()), log);
    }

    @PostMapping("/{logId}")
    String change(
            @PathVariable long id,
            @PathVariable long logId,
            @Validated @ModelAttribute("form") LogForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> logs.change(id, logId, form)).isEmpty()) {
            return form(model, placements.get(id), form, queries.get(id, logId));
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/internships/" + id;
    }

    @PostMapping("/{logId}/photos")
    String photo(
            @PathVariable long id,
            @PathVariable long logId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "version", required = false) Integer version,
            RedirectAttributes redirect) {
        return Redirects.toPlacement(id, null, redirect, () -> logs.addPhoto(id, logId, file, version));
    }

    @GetMapping("/{logId}/photos/{photoId}")
    ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long logId, @PathVariable long photoId) {
        return StoredFiles.attachment(queries.photo(id, logId, photoId));
    }

    @PostMapping("/{logId}/sign")
    String sign(
            @PathVariable long id,
            @PathVariable long logId,
            @RequestParam(name = "version", required = false) Integer version,
            RedirectAttributes redirect) {
        return Redirects.toPlacement(id, null, redirect, () -> signatures.sign(id, logId, version));
    }

    @PostMapping("/{logId}/review")
    String review(
            @PathVariable long id,
            @PathVariable long logId,
            @Validated @ModelAttribute ReviewForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        return Redirects.toPlacement(id, errors, redirect, () -> signatures.review(id, logId, form));
    }

    private String form(Model model, PlacementView p, LogForm form, LogView existing) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("placement", p);
        model.addAttribute("existing", existing);
        model.addAttribute("maxPhotos", WeeklyLogs.MAX_PHOTOS);
        return "internships/log-form";
    }
}
