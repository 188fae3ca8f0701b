package org.craftline.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;

/**
 * What the signed-in user may do, asked by pages before they show an action: {@code
 * th:if="${@rights.post('/students')}"}. The answer comes from the security rules themselves, so a
 * page never offers a button whose request would be refused.
 */
@Component("rights")
public class Rights {

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator;

    Rights(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
        this.evaluator = evaluator;
    }

    /** May the user open this page (a form page counts as its save)? */
    public boolean get(String uri) {
        return allowed(uri, "GET");
    }

    /** May the user send this form (create, save, delete...)? */
    public boolean post(String uri) {
        return allowed(uri, "POST");
    }

    private boolean allowed(String uri, String method) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && evaluator.getObject().isAllowed("", uri, method, auth);
    }
}
