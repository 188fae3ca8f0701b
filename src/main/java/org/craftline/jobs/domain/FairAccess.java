package org.craftline.jobs.domain;

import java.util.Map;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who reaches which job fairs. School users and the bureau by their school scope; an enterprise
 * user the fairs its unit takes part in, of the school that made its account; a student the fairs
 * of its own school (only the organising school's students take part: a fair is the school's event
 * for its graduating classes, and a student of another school would reach another school's record).
 */
@Component
public class FairAccess {

    private final Tenancy tenancy;

    FairAccess(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    /** A condition on the fair alias {@code f} and its parameters. */
    public record Reach(String sql, Map<String, Object> params) {}

    public Reach reach() {
        CurrentUser user = user();
        return switch (user.role()) {
            case ENTERPRISE -> enterprise(user);
            case STUDENT ->
                user.studentId() == null
                        ? new Reach("1 = 0", Map.of())
                        : new Reach(
                                "f.school_id = (SELECT school_id FROM student WHERE id = :reachStudent)",
                                Map.of("reachStudent", user.studentId()));
            default -> {
                Scope scope = tenancy.scope();
                yield new Reach(scope.sql("f.school_id"), scope.params());
            }
        };
    }

    private static Reach enterprise(CurrentUser user) {
        if (user.enterpriseId() == null || user.schoolId() == null) {
            return new Reach("1 = 0", Map.of());
        }
        return new Reach(
                "f.school_id = :reachSchool AND EXISTS (SELECT 1 FROM job_fair_unit ru"
                        + " WHERE ru.fair_id = f.id AND ru.enterprise_id = :reachUnit)",
                Map.of("reachUnit", user.enterpriseId(), "reachSchool", user.schoolId()));
    }

    public CurrentUser user() {
        return tenancy.currentUser();
    }

    public boolean seesWholeFair() {
        Role role = user().role();
        return role == Role.SYSTEM_ADMIN || role == Role.SCHOOL_ADMIN || role == Role.STAFF || role == Role.BUREAU;
    }

    public boolean isAdministrator() {
        Role role = user().role();
        return role == Role.SYSTEM_ADMIN || role == Role.SCHOOL_ADMIN;
    }

    /** The unit an enterprise user acts for; null for everyone else. */
    public Long ownUnit() {
        CurrentUser user = user();
        return user.role() == Role.ENTERPRISE ? user.enterpriseId() : null;
    }

    /** Refuses a change to a school's fair by anyone but its administrators. */
    public void checkAdministratorWrite(long schoolId) {
        tenancy.checkAdministratorWrite(schoolId);
    }

    /** The student a student user is; refuses everyone else. */
    public long ownStudent() {
        CurrentUser user = user();
        if (user.role() != Role.STUDENT || user.studentId() == null) {
            throw new AccessDeniedException("students register themselves");
        }
        return user.studentId();
    }

    /** The school a new fair goes to: the given code, or the user's own school; administrators only. */
    public long schoolFor(String schoolCode) {
        return tenancy.administeredSchool(schoolCode);
    }
}
