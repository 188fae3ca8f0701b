package org.craftline.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Notifications;
import org.craftline.platform.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout of every page needs: the signed-in user and the current path for the nav. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final Tenancy tenancy;
    // optional: a controller slice test has no inbox
    private final ObjectProvider<Notifications> notifications;

    LayoutAdvice(Tenancy tenancy, ObjectProvider<Notifications> notifications) {
        this.tenancy = tenancy;
        this.notifications = notifications;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Tenancy.HasCurrentUser ? tenancy.currentUser() : null;
    }

    /** The signed-in user's unread notifications for the nav (counted up to 100). */
    @ModelAttribute("unread")
    Integer unread() {
        Notifications inbox = notifications.getIfAvailable();
        return me() == null || inbox == null ? null : inbox.unread();
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The list's filters as a query prefix for pager links, e.g. {@code "q=x&year=2026&"} (not its page or cursor). */
    @ModelAttribute("listQuery")
    String listQuery(HttpServletRequest request) {
        return query(request, name -> !name.equals("page") && !name.equals("after"));
    }

    /** The page's own query without its language, so the language switch keeps the page as it is. */
    @ModelAttribute("langQuery")
    String langQuery(HttpServletRequest request) {
        return query(request, name -> true);
    }

    private static String query(HttpServletRequest request, java.util.function.Predicate<String> keep) {
        StringBuilder query = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (keep.test(name) && !name.equals("lang") && !name.startsWith("_")) {
                for (String value : values) {
                    query.append(encode(name)).append('=').append(encode(value)).append('&');
                }
            }
        });
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
