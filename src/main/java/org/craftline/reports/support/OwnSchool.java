package org.craftline.reports.support;

import org.craftline.platform.CurrentUser;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.springframework.stereotype.Component;

/** The school a report is of: the one asked for, else the signed-in user's own. */
@Component
public class OwnSchool {

    private final Tenancy tenancy;
    private final SchoolFacts facts;

    OwnSchool(Tenancy tenancy, SchoolFacts facts) {
        this.tenancy = tenancy;
        this.facts = facts;
    }

    /** The asked school code, trimmed; without one, the user's school; a user without a school must ask. */
    public String codeOr(String asked) {
        if (asked != null && !asked.isBlank()) {
            return asked.trim();
        }
        CurrentUser me = tenancy.currentUser();
        if (me.schoolId() == null) {
            throw new InvalidFieldException("school", "school.required");
        }
        return facts.code(me.schoolId());
    }
}
