package org.craftline.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Tenancy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where a user creates and revokes its personal API tokens. */
@Controller
@RequestMapping("/tokens")
class TokenController {

    private final ApiTokens tokens;
    private final Tenancy tenancy;

    TokenController(ApiTokens tokens, Tenancy tenancy) {
        this.tokens = tokens;
        this.tenancy = tenancy;
    }

    record TokenForm(@NotBlank @Size(max = 100) String name) {}

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TokenForm(""));
        }
        model.addAttribute("tokens", tokens.activeTokens(tenancy.currentUser().id()));
        return "platform/tokens";
    }

    @PostMapping
    String create(
            @Validated @ModelAttribute("form") TokenForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute(
                    "tokens", tokens.activeTokens(tenancy.currentUser().id()));
            return "platform/tokens";
        }
        CurrentUser user = tenancy.currentUser();
        redirect.addFlashAttribute("newToken", tokens.create(user.id(), user.username(), form.name()));
        return "redirect:/tokens";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser user = tenancy.currentUser();
        tokens.revoke(user.id(), user.username(), id);
        redirect.addFlashAttribute("flashMessage", "tokens.revoked");
        return "redirect:/tokens";
    }
}
