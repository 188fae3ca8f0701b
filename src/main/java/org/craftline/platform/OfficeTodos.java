package org.craftline.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * What a module knows to be due from a school office (the new students' registration by the national
 * deadline, for one), shown as a to-do on the office's home page. The page asks every module that
 * implements this; a module answers for the user's own school only, and nothing for other roles.
 */
public interface OfficeTodos {

    /**
     * One task: its text (a message key and its arguments), the page where it is done, its deadline
     * and whether the deadline has passed.
     */
    record Todo(String messageKey, List<Object> args, String link, LocalDate due, boolean overdue) {}

    List<Todo> todos(CurrentUser user);
}
