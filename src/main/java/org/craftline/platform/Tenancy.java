package org.craftline.platform;

import java.util.Set;
import org.craftline.shared.InvalidFieldException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The one place that turns the signed-in user into the {@link Scope} of its queries. */
@Service
public class Tenancy {

    private final TenantDirectory directory;
    private final GroupDirectory groups;

    @org.springframework.beans.factory.annotation.Autowired
    Tenancy(TenantDirectory directory, org.springframework.beans.factory.ObjectProvider<GroupDirectory> groups) {
        this(directory, groups.getIfAvailable(() -> groupId -> Set.of()));
    }

    Tenancy(TenantDirectory directory, GroupDirectory groups) {
        this.directory = directory;
        this.groups = groups;
    }

    public CurrentUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HasCurrentUser principal) {
            return principal.currentUser();
        }
        throw new AuthenticationCredentialsNotFoundException("no signed-in user");
    }

    public Scope scope() {
        return scopeOf(currentUser());
    }

    public Scope scopeOf(CurrentUser user) {
        return switch (user.role()) {
            case SYSTEM_ADMIN -> Scope.everything();
            case SCHOOL_ADMIN -> school(user, false);
            case STAFF -> school(user, false);
            // a student reaches its own record through its own pages, never the school's lists
            case STUDENT -> Scope.nothing();
            case BUREAU -> new Scope(false, bureauSchools(user), true);
            case ENTERPRISE -> Scope.nothing();
        };
    }

    private Scope school(CurrentUser user, boolean readOnly) {
        return user.schoolId() == null ? Scope.nothing() : new Scope(false, Set.of(user.schoolId()), readOnly);
    }

    private Set<Long> bureauSchools(CurrentUser user) {
        if (user.regionId() != null) {
            return directory.schoolsInRegion(user.regionId());
        }
        return user.groupId() == null ? Set.of() : groups.schoolsInGroup(user.groupId());
    }

    /** Checks that the user administers the school (the operator, or the school's own administrator). */
    public void checkAdministratorWrite(long schoolId) {
        CurrentUser user = currentUser();
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.SCHOOL_ADMIN) {
            throw new AccessDeniedException("records are changed by administrators");
        }
        scopeOf(user).checkWrite(schoolId);
    }

    /**
     * The school a new record goes to: the given code (within the user's scope), or the user's own
     * school when none is given. Checks the user administers it.
     */
    public long administeredSchool(String schoolCode) {
        Scope scope = scope();
        Long schoolId = schoolCode != null && !schoolCode.isBlank()
                ? directory
                        .schoolIdByCode(schoolCode.trim())
                        .filter(scope::canRead)
                        .orElseThrow(() -> new InvalidFieldException("schoolCode", "school.unknown"))
                : currentUser().schoolId();
        if (schoolId == null) {
            throw new InvalidFieldException("schoolCode", "school.required");
        }
        checkAdministratorWrite(schoolId);
        return schoolId;
    }

    /** Implemented by the security principal, so the platform can read the user without a cast. */
    public interface HasCurrentUser {
        CurrentUser currentUser();
    }
}
