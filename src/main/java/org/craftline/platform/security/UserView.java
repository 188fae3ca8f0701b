package org.craftline.platform.security;

import java.time.OffsetDateTime;
import org.craftline.platform.Role;

/** A user as lists and the audit log show it: never its password hash. */
record UserView(
        long id,
        String username,
        String displayName,
        Role role,
        Long schoolId,
        Long regionId,
        boolean enabled,
        OffsetDateTime createdAt,
        String binding) {

    UserView withBinding(String label) {
        return new UserView(id, username, displayName, role, schoolId, regionId, enabled, createdAt, label);
    }
}
