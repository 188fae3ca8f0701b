package org.craftline.platform;

/** The roles of product.md. */
public enum Role {
    SYSTEM_ADMIN,
    BUREAU,
    SCHOOL_ADMIN,
    STAFF,
    ENTERPRISE,
    STUDENT;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
