package org.craftline.students.domain;

import java.util.HashMap;
import java.util.Map;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.ImportKind.RowErrors;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;

/**
 * Who imports the students' kinds and into which school each row goes: a school's administrators
 * into their own school, the operator into the school a row names by its code (one the user may
 * write); each code is looked up once a run.
 */
final class ImportSchools {

    private final OrganisationApi organisation;
    private final Scope scope;
    private final Long ownSchool;
    private final Map<String, Long> byCode = new HashMap<>();

    ImportSchools(OrganisationApi organisation, Scope scope, Long ownSchool) {
        this.organisation = organisation;
        this.scope = scope;
        this.ownSchool = ownSchool;
    }

    /** Refuses a user who may change neither its own school's students nor, as the operator, any school's. */
    static void checkImporter(Tenancy tenancy) {
        Long ownSchool = tenancy.currentUser().schoolId();
        if (ownSchool != null) {
            tenancy.checkAdministratorWrite(ownSchool);
        } else {
            tenancy.scope().checkWriteShared();
        }
    }

    /** The row's school: the one its code names, or the user's own when the cell is empty; null after an error. */
    Long of(String schoolCode, RowErrors errors) {
        String key = schoolCode == null || schoolCode.isBlank() ? "" : schoolCode;
        Long id = byCode.computeIfAbsent(
                key,
                k -> k.isEmpty()
                        ? ownSchool
                        : organisation.schoolIdByCode(k).filter(scope::canWrite).orElse(null));
        if (id == null) {
            errors.add("schoolCode", schoolCode, key.isEmpty() ? "school.required" : "school.unknown");
        }
        return id;
    }
}
