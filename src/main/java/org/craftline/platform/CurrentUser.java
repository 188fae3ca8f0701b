package org.craftline.platform;

/** The signed-in user and the scope it is bound to (which binding is set depends on the role). */
public record CurrentUser(
        long id,
        String username,
        String displayName,
        Role role,
        Long schoolId,
        Long regionId,
        Long groupId,
        Long enterpriseId,
        Long studentId) {

    public boolean is(Role other) {
        return role == other;
    }
}
