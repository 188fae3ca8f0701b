package org.craftline.students.web;

import java.util.Comparator;
import java.util.List;
import org.craftline.organisation.OrganisationApi;
import org.craftline.organisation.OrganisationApi.ClassRef;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Tenancy;
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

    void addTo(Model model) {
        CurrentUser user = tenancy.currentUser();
        model.addAttribute("schoolOptions", organisation.schools(tenancy.scopeOf(user)));
        if (user.schoolId() != null) {
            model.addAttribute("majorOptions", organisation.majorOptions(user.schoolId()));
            model.addAttribute(
                    "classOptions",
                    organisation.classes(user.schoolId()).values().stream()
                            .sorted(Comparator.comparing(ClassRef::name))
                            .toList());
        } else {
            model.addAttribute("majorOptions", List.of());
            model.addAttribute("classOptions", List.of());
        }
    }
}
