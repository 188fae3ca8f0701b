package org.craftline.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.craftline.shared.FormSubmission;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

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
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var epoch = FormSubmission.run(errors, () -> passwords.change(form));
        if (epoch.isEmpty()) {
            return "platform/password";
        }
        keepThisSession(epoch.get(), request, response);
        request.getSession().setAttribute(PasswordChangeGate.CHECKED, true);
        redirect.addFlashAttribute("flashMessage", "password.changed");
        return "redirect:/";
    }

    /** The change ended the user's other sessions; the one that made it goes on with the new epoch. */
    private void keepThisSession(int epoch, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.getContext();
        if (context.getAuthentication() instanceof UsernamePasswordAuthenticationToken auth
                && auth.getPrincipal() instanceof CraftlineUser user) {
            var renewed = UsernamePasswordAuthenticationToken.authenticated(
                    user.withEpoch(epoch), null, auth.getAuthorities());
            renewed.setDetails(auth.getDetails());
            SecurityContext next = SecurityContextHolder.createEmptyContext();
            next.setAuthentication(renewed);
            SecurityContextHolder.setContext(next);
            contexts.saveContext(next, request, response);
        }
    }
}
