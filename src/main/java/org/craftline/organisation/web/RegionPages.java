package org.craftline.organisation.web;

import org.craftline.organisation.domain.Forms.RegionForm;
import org.craftline.organisation.domain.RegionLevel;
import org.craftline.organisation.domain.Regions;
import org.craftline.organisation.domain.Schools;
import org.craftline.organisation.domain.Views.RegionView;
import org.craftline.shared.FormSubmission;
import org.craftline.shared.PageQuery;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/organisation/regions")
class RegionPages {

    private final Regions regions;
    private final Schools schools;
    private final FormOptions options;

    RegionPages(Regions regions, Schools schools, FormOptions options) {
        this.regions = regions;
        this.schools = schools;
        this.options = options;
    }

    @ModelAttribute("levels")
    RegionLevel[] levels() {
        return RegionLevel.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) RegionLevel level,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("level", level);
        model.addAttribute("regions", regions.list(q, level, null, PageQuery.of(page, null)));
        return "organisation/regions";
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
        model.addAttribute("region", regions.get(code));
        model.addAttribute("children", regions.children(code));
        model.addAttribute("schools", schools.list(null, code, PageQuery.of(1, PageQuery.MAX_SIZE)));
        return "organisation/region";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        return form(model, new RegionForm("", "", "", RegionLevel.COUNTY, "", null), null);
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") RegionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> regions.create(form));
        if (created.isEmpty()) {
            return form(model, form, null);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/regions/" + created.get().code();
    }

    @GetMapping("/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        RegionView r = regions.get(code);
        return form(
                model, new RegionForm(r.code(), r.name(), r.nameEn(), r.level(), r.parentCode(), r.version()), code);
    }

    @PostMapping("/{code}")
    String update(
            @PathVariable String code,
            @Validated @ModelAttribute("form") RegionForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> regions.update(code, form)).isEmpty()) {
            return form(model, form, code);
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/organisation/regions/" + code;
    }

    private String form(Model model, RegionForm form, String code) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // keep the bound one with its errors
        }
        model.addAttribute("code", code);
        model.addAttribute("regionOptions", options.regions());
        return "organisation/region-form";
    }
}
