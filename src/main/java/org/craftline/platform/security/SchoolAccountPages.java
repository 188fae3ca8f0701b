package org.craftline.platform.security;

import java.time.Year;
import java.util.List;
import org.craftline.platform.Role;
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

/** A school administrator's pages for its school's accounts (under /school, SCHOOL_ADMIN only). */
@Controller
@RequestMapping("/school")
class SchoolAccountPages {

    private final SchoolAccounts accounts;

    SchoolAccountPages(SchoolAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return List.copyOf(SchoolAccounts.MANAGED);
    }

    @GetMapping("/users")
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("users", accounts.list(q, role, PageQuery.of(page, null)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        return "platform/school-users";
    }

    @GetMapping("/users/new")
    String createForm(Model model) {
        model.addAttribute("form", SchoolAccounts.AccountForm.empty());
        return "platform/school-user-form";
    }

    @PostMapping("/users")
    String create(
            @Validated @ModelAttribute("form") SchoolAccounts.AccountForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        var created = FormSubmission.run(errors, () -> accounts.create(form));
        if (created.isEmpty()) {
            return "platform/school-user-form";
        }
        // shown once, on the next page: the password is not kept anywhere else
        redirect.addFlashAttribute("created", List.of(created.get()));
        return "redirect:/school/users";
    }

    @PostMapping("/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        accounts.setEnabled(username, enabled);
        redirect.addFlashAttribute("flashMessage", enabled ? "account.enabled" : "account.disabled");
        return "redirect:/school/users";
    }

    @GetMapping("/graduate-accounts")
    String graduates(@RequestParam(required = false) Integer year, Model model) {
        int shown = year != null ? year : Year.now().getValue();
        model.addAttribute("year", shown);
        model.addAttribute("pending", accounts.withoutAccount(shown).size());
        return "platform/school-graduate-accounts";
    }

    @PostMapping("/graduate-accounts")
    String createForGraduates(@RequestParam int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("created", accounts.createForGraduates(year));
        model.addAttribute("pending", 0);
        return "platform/school-graduate-accounts";
    }
}
