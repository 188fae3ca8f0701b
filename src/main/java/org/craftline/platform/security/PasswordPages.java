package org.craftline.platform.security;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.craftline.shared.FormSubmission;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The change-password page, for every signed-in user. */
@Controller
class PasswordPages {

    private final OwnPassword passwords;

    PasswordPages(OwnPassword passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/password")
    String form(org.springframework.ui.Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", OwnPassword.ChangeForm.empty());
        }
        return "platform/password";
    }

    @PostMapping("/password")
    String change(
            @Valid @ModelAttribute("form") OwnPassword.ChangeForm form,
            BindingResult errors,
            HttpSession session,
            RedirectAttributes redirect) {
        if (FormSubmission.run(errors, () -> {
                    passwords.change(form);
                    return true;
                })
                .isEmpty()) {
            return "platform/password";
        }
        session.setAttribute(PasswordChangeGate.CHECKED, true);
        redirect.addFlashAttribute("flashMessage", "password.changed");
        return "redirect:/";
    }
}
