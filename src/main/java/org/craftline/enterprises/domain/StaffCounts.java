package org.craftline.enterprises.domain;

import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff count of a registered unit, kept current by the schools that place interns there: the
 * 10% interns rule of 岗位实习 is judged on it. A save names the version it was read at, so two
 * schools recording at once never overwrite each other unseen.
 */
@Service
public class StaffCounts {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Enterprises enterprises;
    private final EditVersions versions;
    private final AuditLog audit;

    StaffCounts(JdbcClient jdbc, Tenancy tenancy, Enterprises enterprises, EditVersions versions, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.enterprises = enterprises;
        this.versions = versions;
        this.audit = audit;
    }

    /** Whether the signed-in user may record a unit's staff count: school users and the operator. */
    public boolean mayRecord() {
        Role role = tenancy.currentUser().role();
        return role == Role.SYSTEM_ADMIN || role == Role.SCHOOL_ADMIN || role == Role.STAFF;
    }

    @Transactional
    public EnterpriseView record(long id, StaffCountForm form) {
        CurrentUser user = tenancy.currentUser();
        if (!mayRecord()) {
            throw new AccessDeniedException("a unit's staff count is recorded by school users");
        }
        EnterpriseView before = enterprises.get(id);
        versions.claim("enterprise", id, form.version(), "enterprise", String.valueOf(id));
        jdbc.sql("UPDATE enterprise SET staff_count = :n WHERE id = :id")
                .param("n", form.staffCount())
                .param("id", id)
                .update();
        EnterpriseView after = enterprises.get(id);
        audit.updated("enterprise", String.valueOf(id), user.schoolId(), before, after);
        return after;
    }
}
