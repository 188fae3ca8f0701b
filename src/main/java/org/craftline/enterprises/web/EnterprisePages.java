package org.craftline.enterprises.web;

import org.craftline.enterprises.Industry;
import org.craftline.enterprises.domain.EnterpriseForm;
import org.craftline.enterprises.domain.Enterprises;
import org.craftline.enterprises.domain.StaffCountForm;
import org.craftline.enterprises.domain.StaffCounts;
import org.craftline.shared.ConflictException;
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
@RequestMapping("/enterprises")
class EnterprisePages {

    private final Enterprises enterprises;
    private final StaffCounts staffCounts;

    EnterprisePages(Enterprises enterprises, StaffCounts staffCounts) {
        this.enterprises = enterprises;
        this.staffCounts = staffCounts;
    }

    @ModelAttribute("industries")
    Industry[] industries() {
        return Industry.values();
    }

    @ModelAttribute("sizeBands")
    EnterpriseForm.SizeBand[] sizeBands() {
        return EnterpriseForm.SizeBand.values();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Industry industry,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String town,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Long after,
            Model model) {
        var filter = new Enterprises.Filter(q, industry, region, town);
        model.addAttribute("filter", filter);
        model.addAttribute("enterprises", enterprises.list(filter, PageQuery.of(page, null, after)));
        return "enterprises/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("enterprise", enterprises.get(id));
        model.addAttribute("alumni", enterprises.alumni(id));
        model.addAttribute("mayRecordStaff", staffCounts.mayRecord());
        return "enterprises/detail";
    }

    @PostMapping("/{id}/staff-count")
    String staffCount(
            @PathVariable long id,
            @Validated @ModelAttribute StaffCountForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flashError", "enterprise.staffCount.invalid");
            return "redirect:/enterprises/" + id;
        }
        try {
            staffCounts.record(id, form);
            redirect.addFlashAttribute("flashMessage", "saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "enterprise.staffCount.stale");
        }
        return "redirect:/enterprises/" + id;
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", EnterpriseForm.empty());
        return "enterprises/form";
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") EnterpriseForm form, BindingResult errors, RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> enterprises.propose(form));
        if (created.isEmpty()) {
            return "enterprises/form";
        }
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/enterprises/" + created.get().id();
    }
}
