package org.craftline.training.domain;

import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Which school a request is about: the one named (within the user's scope) or the user's own. */
@Component
public class TrainingSchools {

    private final Tenancy tenancy;
    private final OrganisationApi organisation;

    TrainingSchools(Tenancy tenancy, OrganisationApi organisation) {
        this.tenancy = tenancy;
        this.organisation = organisation;
    }

    /** A school the user may read; another school's code is answered as not found. */
    public long readable(String schoolCode) {
        Scope scope = tenancy.scope();
        if (schoolCode != null && !schoolCode.isBlank()) {
            return organisation
                    .schoolIdByCode(schoolCode.trim())
                    .filter(scope::canRead)
                    .orElseThrow(() -> new NotFoundException("school", schoolCode));
        }
        Long own = tenancy.currentUser().schoolId();
        if (own == null || !scope.canRead(own)) {
            throw new InvalidFieldException("school", "school.required");
        }
        return own;
    }

    /** A school whose training sessions the user records: administrators and the school's own staff. */
    long recording(String schoolCode) {
        Scope scope = tenancy.scope();
        Long schoolId = schoolCode != null && !schoolCode.isBlank()
                ? organisation
                        .schoolIdByCode(schoolCode.trim())
                        .filter(scope::canRead)
                        .orElseThrow(() -> new InvalidFieldException("schoolCode", "school.unknown"))
                : tenancy.currentUser().schoolId();
        if (schoolId == null) {
            throw new InvalidFieldException("schoolCode", "school.required");
        }
        scope.checkWrite(schoolId);
        return schoolId;
    }

    /** A school whose courses, items, syllabus and workshops the user changes: administrators only. */
    long administered(String schoolCode) {
        return tenancy.administeredSchool(schoolCode);
    }

    /** Checks the user may record sessions of the school (its staff too). */
    void checkRecording(long schoolId) {
        tenancy.scope().checkWrite(schoolId);
    }

    void checkAdministering(long schoolId) {
        tenancy.checkAdministratorWrite(schoolId);
    }

    Scope scope() {
        return tenancy.scope();
    }
}
