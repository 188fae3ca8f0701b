package org.craftline.students.web;

import java.util.List;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Choices for the student pages: the user's schools; for a school user its majors and classes. */
@Component
class StudentOptions {

    private final OrganisationApi organisation;
    private final Tenancy tenancy;

    StudentOptions(OrganisationApi organisation, Tenancy tenancy) {
        this.organisation = organisation;
        this.tenancy = tenancy;
    }

    /** The most classes a filter or form lists; a larger school chooses an entry year first. */
    static final int CLASS_CHOICES = 200;

    /** The school a page is about: the code given (a school the user may read), else the user's own. */
    long schoolOf(String code) {
        if (code == null || code.isBlank()) {
            Long own = tenancy.currentUser().schoolId();
            if (own == null) {
                throw new InvalidFieldException("school", "school.required");
            }
            return own;
        }
        return organisation
                .schoolIdByCode(code.trim())
                .filter(tenancy.scope()::canRead)
                .orElseThrow(() -> new NotFoundException("school", code));
    }

    /** Whether the user belongs to one school (a bureau user or the operator does not). */
    boolean hasOwnSchool() {
        return tenancy.currentUser().schoolId() != null;
    }

    void addTo(Model model) {
        addTo(model, null, null);
    }

    void addTo(Model model, Integer entryYear, Long classId) {
        CurrentUser user = tenancy.currentUser();
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scopeOf(user)));
        if (user.schoolId() != null) {
            model.addAttribute("majorOptions", organisation.majorOptions(user.schoolId()));
            model.addAttribute(
                    "classOptions", organisation.classChoices(user.schoolId(), entryYear, classId, CLASS_CHOICES));
        } else {
            model.addAttribute("majorOptions", List.of());
            model.addAttribute("classOptions", List.of());
        }
    }
}
