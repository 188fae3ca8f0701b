package org.craftline.organisation.domain;

import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Who may change which school's organisation records: the operator, or a school's administrator. */
@Component
class OrganisationAccess {

    private final Tenancy tenancy;
    private final JdbcClient jdbc;

    OrganisationAccess(Tenancy tenancy, JdbcClient jdbc) {
        this.tenancy = tenancy;
        this.jdbc = jdbc;
    }

    Scope readScope() {
        return tenancy.scope();
    }

    /** Checks the user may change the school's records. */
    void checkWrite(long schoolId) {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.SCHOOL_ADMIN) {
            throw new AccessDeniedException("organisation records are changed by administrators");
        }
        tenancy.scopeOf(user).checkWrite(schoolId);
    }

    void checkWriteShared() {
        tenancy.scope().checkWriteShared();
    }

    /**
     * The school a new class or staff member goes to: the given code, or the user's own school when
     * none is given. Checks the user may write to it.
     */
    long targetSchool(String schoolCode) {
        Long schoolId = StringUtils.hasText(schoolCode)
                ? jdbc.sql("SELECT id FROM school WHERE code = :c")
                        .param("c", schoolCode.trim())
                        .query(Long.class)
                        .optional()
                        .filter(id -> readScope().canRead(id))
                        .orElseThrow(() -> new InvalidFieldException("schoolCode", "school.unknown"))
                : tenancy.currentUser().schoolId();
        if (schoolId == null) {
            throw new InvalidFieldException("schoolCode", "school.required");
        }
        checkWrite(schoolId);
        return schoolId;
    }
}
