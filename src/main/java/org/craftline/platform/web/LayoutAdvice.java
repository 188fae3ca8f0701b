package org.craftline.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Tenancy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout of every page needs: the signed-in user and the current path for the nav. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

    private final Tenancy tenancy;

    LayoutAdvice(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Tenancy.HasCurrentUser ? tenancy.currentUser() : null;
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The list's filters as a query prefix for pager links, e.g. {@code "q=x&year=2026&"}. */
    @ModelAttribute("listQuery")
    String listQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        String kept = UriComponentsBuilder.newInstance()
                .query(query == null ? "" : query)
                .replaceQueryParam("page")
                .replaceQueryParam("lang")
                .build()
                .getQuery();
        return kept == null || kept.isEmpty() ? "" : kept + "&";
    }
}
