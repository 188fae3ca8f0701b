package org.craftline.organisation.web;

import java.util.List;
import org.craftline.organisation.domain.Majors;
import org.craftline.organisation.domain.Regions;
import org.craftline.organisation.domain.Schools;
import org.craftline.organisation.domain.Views.MajorView;
import org.craftline.organisation.domain.Views.RegionView;
import org.craftline.organisation.domain.Views.SchoolView;
import org.craftline.shared.PageQuery;
import org.springframework.stereotype.Component;

/** The choices offered by the organisation forms' select boxes (bounded to one long page). */
@Component
class FormOptions {

    private static final PageQuery ALL = new PageQuery(1, PageQuery.MAX_SIZE);

    private final Schools schools;
    private final Majors majors;
    private final Regions regions;

    FormOptions(Schools schools, Majors majors, Regions regions) {
        this.schools = schools;
        this.majors = majors;
        this.regions = regions;
    }

    List<SchoolView> schools() {
        return schools.list(null, null, ALL).items();
    }

    List<MajorView> majors() {
        return majors.list(null, null, ALL).items();
    }

    List<RegionView> regions() {
        return regions.list(null, null, null, ALL).items();
    }
}
