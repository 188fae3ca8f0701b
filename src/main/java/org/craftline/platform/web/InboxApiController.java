package org.craftline.platform.web;

import java.util.Map;
import java.util.Set;
import org.craftline.platform.NotificationKind;
import org.craftline.platform.Notifications;
import org.craftline.platform.OwnEmail;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notifications and the kinds it receives. */
@RestController
@RequestMapping("/api/v1/me")
class InboxApiController {

    private final Notifications notifications;
    private final OwnEmail email;

    InboxApiController(Notifications notifications, OwnEmail email) {
        this.notifications = notifications;
        this.email = email;
    }

    /** Newest first; {@code after}: the last id of the page before. */
    @GetMapping("/notifications")
    Paged<Notifications.Item> inbox(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) Long after) {
        return notifications.inbox(PageQuery.of(page, size, after));
    }

    @GetMapping("/notifications/unread")
    Map<String, Integer> unread() {
        return Map.of("unread", notifications.unread());
    }

    @PostMapping("/notifications/read")
    Map<String, Integer> readAll() {
        return Map.of("read", notifications.readAll());
    }

    @GetMapping("/notification-settings")
    Set<NotificationKind> received() {
        return notifications.received();
    }

    /** The kinds to receive; {@code SECURITY} must be among them. */
    @PutMapping("/notification-settings")
    Set<NotificationKind> receive(@RequestBody Set<NotificationKind> kinds) {
        return notifications.receive(kinds);
    }

    /** The address for notifications by email, whether it is confirmed, and whether this installation sends email. */
    @GetMapping("/email")
    OwnEmail.State email() {
        return email.state();
    }

    /** Sets the address ({@code {"email": "..."}}; blank removes it) and sends the link that confirms it. */
    @PutMapping("/email")
    OwnEmail.State changeEmail(@RequestBody EmailBody body) {
        return email.change(body.email());
    }

    record EmailBody(String email) {}
}
