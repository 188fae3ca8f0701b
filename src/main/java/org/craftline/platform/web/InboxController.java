package org.craftline.platform.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.craftline.platform.NotificationKind;
import org.craftline.platform.Notifications;
import org.craftline.platform.OwnEmail;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.PageQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's inbox: its notifications, newest first, and the kinds it receives. */
@Controller
class InboxController {

    private final Notifications notifications;
    private final OwnEmail email;

    InboxController(Notifications notifications, OwnEmail email) {
        this.notifications = notifications;
        this.email = email;
    }

    @GetMapping("/inbox")
    String inbox(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Long after, Model model) {
        model.addAttribute("items", notifications.inbox(PageQuery.of(page, 30, after)));
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("received", notifications.received());
        model.addAttribute("email", email.state());
        return "platform/inbox";
    }

    /** Opens a notification: marked read, then its page (a path of this application only). */
    @PostMapping("/inbox/{id}/open")
    String open(@PathVariable long id) {
        String link = notifications.open(id);
        return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/inbox");
    }

    @PostMapping("/inbox/read")
    String readAll(RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashMessage", "inbox.allRead");
        redirect.addFlashAttribute("flashArg", notifications.readAll());
        return "redirect:/inbox";
    }

    /** The address for notifications by email: a new one is sent the link that confirms it; blank removes it. */
    @PostMapping("/inbox/email")
    String email(@RequestParam(required = false) String email, RedirectAttributes redirect) {
        try {
            OwnEmail.State state = this.email.change(email);
            redirect.addFlashAttribute(
                    "flashMessage",
                    state.email() == null ? "inbox.email.removed" : state.confirmed() ? "saved" : "inbox.email.sent");
        } catch (InvalidFieldException invalid) {
            redirect.addFlashAttribute("flashError", invalid.messageKey());
        }
        return "redirect:/inbox";
    }

    /** The kinds ticked; an unticked box sends nothing, and security notices are always received. */
    @PostMapping("/inbox/settings")
    String settings(@RequestParam(required = false) List<NotificationKind> kinds, RedirectAttributes redirect) {
        Set<NotificationKind> wanted = EnumSet.of(NotificationKind.SECURITY);
        if (kinds != null) {
            wanted.addAll(kinds);
        }
        notifications.receive(wanted);
        redirect.addFlashAttribute("flashMessage", "saved");
        return "redirect:/inbox";
    }
}
