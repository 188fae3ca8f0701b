package org.craftline.organisation.domain;

import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.springframework.stereotype.Component;

/** Who may change which school's organisation records: the operator, or a school's administrator. */
@Component
class OrganisationAccess {

    private final Tenancy tenancy;

    OrganisationAccess(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    Scope readScope() {
        return tenancy.scope();
    }

    void checkWrite(long schoolId) {
        tenancy.checkAdministratorWrite(schoolId);
    }

    /** The operator of the installation: the only one who moves a school to another region. */
    boolean isOperator() {
        return tenancy.currentUser().is(Role.SYSTEM_ADMIN);
    }

    void checkWriteShared() {
        tenancy.scope().checkWriteShared();
    }

    /** The school a new class or staff member goes to (the user's own when no code is given). */
    long targetSchool(String schoolCode) {
        return tenancy.administeredSchool(schoolCode);
    }
}
