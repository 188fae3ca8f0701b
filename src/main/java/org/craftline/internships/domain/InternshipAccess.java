package org.craftline.internships.domain;

import java.util.Map;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.platform.TenantDirectory;
import org.craftline.shared.InvalidFieldException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who reaches which placements. School users and the bureau by their school scope; an enterprise
 * user only its own unit's interns (of the school that made its account); a student only its own.
 */
@Component
public class InternshipAccess {

    private final Tenancy tenancy;
    private final TenantDirectory directory;

    InternshipAccess(Tenancy tenancy, TenantDirectory directory) {
        this.tenancy = tenancy;
        this.directory = directory;
    }

    /** A condition on the placement alias {@code i} and its parameters. */
    public record Reach(String sql, Map<String, Object> params) {}

    public Reach reach() {
        CurrentUser user = tenancy.currentUser();
        return switch (user.role()) {
            case ENTERPRISE -> enterprise(user);
            case STUDENT ->
                user.studentId() == null
                        ? new Reach("1 = 0", Map.of())
                        : new Reach("i.student_id = :reachStudent", Map.of("reachStudent", user.studentId()));
            default -> {
                Scope scope = tenancy.scope();
                yield new Reach(scope.sql("i.school_id"), scope.params());
            }
        };
    }

    private static Reach enterprise(CurrentUser user) {
        if (user.enterpriseId() == null) {
            return new Reach("1 = 0", Map.of());
        }
        if (user.schoolId() == null) {
            return new Reach("i.enterprise_id = :reachUnit", Map.of("reachUnit", user.enterpriseId()));
        }
        return new Reach(
                "i.enterprise_id = :reachUnit AND i.school_id = :reachSchool",
                Map.of("reachUnit", user.enterpriseId(), "reachSchool", user.schoolId()));
    }

    public CurrentUser user() {
        return tenancy.currentUser();
    }

    public boolean isSchoolSide() {
        Role role = user().role();
        return role == Role.SYSTEM_ADMIN || role == Role.SCHOOL_ADMIN || role == Role.STAFF;
    }

    public boolean isAdministrator() {
        Role role = user().role();
        return role == Role.SYSTEM_ADMIN || role == Role.SCHOOL_ADMIN;
    }

    /** Refuses a change to a school's placements by anyone but its administrators and teachers. */
    public void checkSchoolWrite(long schoolId) {
        if (!isSchoolSide()) {
            throw new AccessDeniedException("placements are kept by the school");
        }
        tenancy.scope().checkWrite(schoolId);
    }

    /** The school a new placement goes to: the given code, or the user's own school. */
    public long schoolFor(String schoolCode) {
        Long schoolId = schoolCode != null && !schoolCode.isBlank()
                ? directory
                        .schoolIdByCode(schoolCode.strip())
                        .filter(tenancy.scope()::canRead)
                        .orElseThrow(() -> new InvalidFieldException("schoolCode", "school.unknown"))
                : user().schoolId();
        if (schoolId == null) {
            throw new InvalidFieldException("schoolCode", "school.required");
        }
        checkSchoolWrite(schoolId);
        return schoolId;
    }
}
