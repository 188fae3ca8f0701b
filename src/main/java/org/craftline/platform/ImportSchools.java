package org.craftline.platform;

import java.util.HashMap;
import java.util.Map;
import org.craftline.platform.ImportKind.RowErrors;

/**
 * Who imports a kind of a school's records (students, guardians, course results) and into which
 * school each row goes: a school's administrators into their own school, the operator into the
 * school a row names by its code (one the user may write); each code is looked up once a run.
 */
public final class ImportSchools {

    private final TenantDirectory directory;
    private final Scope scope;
    private final Long ownSchool;
    private final Map<String, Long> byCode = new HashMap<>();

    public ImportSchools(TenantDirectory directory, Scope scope, Long ownSchool) {
        this.directory = directory;
        this.scope = scope;
        this.ownSchool = ownSchool;
    }

    /** Refuses a user who may change neither its own school's students nor, as the operator, any school's. */
    public static void checkImporter(Tenancy tenancy) {
        Long ownSchool = tenancy.currentUser().schoolId();
        if (ownSchool != null) {
            tenancy.checkAdministratorWrite(ownSchool);
        } else {
            tenancy.scope().checkWriteShared();
        }
    }

    /** The row's school: the one its code names, or the user's own when the cell is empty; null after an error. */
    public Long of(String schoolCode, RowErrors errors) {
        String key = schoolCode == null || schoolCode.isBlank() ? "" : schoolCode;
        Long id = byCode.computeIfAbsent(
                key,
                k -> k.isEmpty()
                        ? ownSchool
                        : directory.schoolIdByCode(k).filter(scope::canWrite).orElse(null));
        if (id == null) {
            errors.add("schoolCode", schoolCode, key.isEmpty() ? "school.required" : "school.unknown");
        }
        return id;
    }
}
