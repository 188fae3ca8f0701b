package org.craftline.internships.web;

import org.craftline.internships.domain.CoverForm;
import org.craftline.internships.domain.PlacementChanges;
import org.craftline.internships.domain.PlacementQueries;
import org.craftline.internships.domain.PlacementStatusForm;
import org.craftline.internships.domain.PlacementView;
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

/** What the school does to a placement after entry: move its status, record its cover, replace its files. */
@Controller
@RequestMapping("/internships/{id}")
class PlacementActionPages {

    private final PlacementQueries queries;
    private final PlacementChanges changes;

    PlacementActionPages(PlacementQueries queries, PlacementChanges changes) {
        this.queries = queries;
        this.changes = changes;
    }

    @PostMapping("/status")
    String status(
            @PathVariable long id,
            @Validated @ModelAttribute PlacementStatusForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", "internship.status.invalid");
            return "redirect:/internships/" + id;
        }
        return done(id, redirect, () -> changes.changeStatus(id, form));
    }

    @GetMapping("/cover/edit")
    String coverForm(@PathVariable long id, Model model) {
        PlacementView p = queries.get(id);
        model.addAttribute("placement", p);
        model.addAttribute(
                "form",
                new CoverForm(
                        p.insurer(),
                        p.policyNumber(),
                        p.insuredFrom(),
                        p.insuredTo(),
                        p.agreementEndsOn(),
                        p.version()));
        return "internships/cover-form";
    }

    @PostMapping("/cover")
    String cover(
            @PathVariable long id,
            @Validated @ModelAttribute("form") CoverForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> changes.recordCover(id, form)).isEmpty()) {
            model.addAttribute("placement", queries.get(id));
            return "internships/cover-form";
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/internships/" + id;
    }

    @PostMapping("/{which:agreement|consent}")
    String attach(
            @PathVariable long id,
            @PathVariable String which,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "version", required = false) Integer version,
            RedirectAttributes redirect) {
        return done(id, redirect, () -> changes.attach(id, which, file, version));
    }

    @GetMapping("/{which:agreement|consent}")
    ResponseEntity<Resource> file(@PathVariable long id, @PathVariable String which) {
        return StoredFiles.attachment(changes.download(id, which));
    }

    private static String done(long id, RedirectAttributes redirect, Runnable change) {
        return Redirects.toPlacement(id, null, redirect, change);
    }
}
