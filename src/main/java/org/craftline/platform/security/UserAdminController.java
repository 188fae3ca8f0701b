package org.craftline.platform.security;

import java.util.Arrays;
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

/** The administrator's user management (pages under /admin are for SYSTEM_ADMIN only). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private final UserAccounts users;

    UserAdminController(UserAccounts users) {
        this.users = users;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String list(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Integer page,
            Model model) {
        model.addAttribute("users", users.list(q, role, PageQuery.of(page, null)));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        return "platform/users";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        model.addAttribute("form", UserForm.empty());
        model.addAttribute("editing", false);
        return "platform/user-form";
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") UserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("editing", false);
        var password = FormSubmission.run(errors, () -> users.create(form));
        if (password.isEmpty()) {
            return "platform/user-form";
        }
        redirect.addFlashAttribute("newPassword", password.get());
        redirect.addFlashAttribute("flashMessage", "users.created");
        return "redirect:/admin/users/" + form.username();
    }

    @GetMapping("/{username}")
    String show(@PathVariable String username, Model model) {
        model.addAttribute("user", users.get(username));
        return "platform/user";
    }

    @GetMapping("/{username}/edit")
    String editForm(@PathVariable String username, Model model) {
        UserView u = users.get(username);
        model.addAttribute(
                "form",
                new UserForm(
                        u.username(),
                        u.displayName(),
                        u.role(),
                        code(u, true),
                        code(u, false),
                        null,
                        "",
                        u.enabled(),
                        "",
                        users.version(u.id())));
        model.addAttribute("editing", true);
        return "platform/user-form";
    }

    @PostMapping("/{username}")
    String update(
            @PathVariable String username,
            @Validated @ModelAttribute("form") UserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("editing", true);
        if (FormSubmission.run(errors, () -> {
                    users.update(username, form);
                    return username;
                })
                .isEmpty()) {
            return "platform/user-form";
        }
        redirect.addFlashAttribute("flashMessage", "users.updated");
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/{username}/password")
    String resetPassword(@PathVariable String username, RedirectAttributes redirect) {
        redirect.addFlashAttribute("newPassword", users.resetPassword(username));
        return "redirect:/admin/users/" + username;
    }

    /** The binding code of a user for its form: the first word of the binding label. */
    private static String code(UserView u, boolean school) {
        boolean relevant = school ? u.schoolId() != null : u.regionId() != null;
        return relevant && u.binding() != null
                ? Arrays.stream(u.binding().split(" ")).findFirst().orElse("")
                : "";
    }
}
