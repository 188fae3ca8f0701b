package org.craftline.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.craftline.platform.Role;

/** A user as the administrator creates or edits it; the binding fields depend on the role. */
record UserForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{user.username.pattern}")
        String username,

        @NotBlank @Size(max = 100) String displayName,
        @NotNull Role role,
        @Size(max = 10) String schoolCode,
        @Size(max = 12) String regionCode,
        Long groupId,
        @Size(max = 30) String studentNumber,
        boolean enabled,
        @Size(max = 100) String password,
        Integer version) {

    static UserForm empty() {
        return new UserForm("", "", Role.STAFF, "", "", null, "", true, "", null);
    }
}
