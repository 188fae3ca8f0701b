package org.craftline.support;

/** The demo users of the test installation; all share one password. */
public final class TestUsers {

    public static final String PASSWORD = "test-password-0123";
    public static final String ADMIN = "admin";
    public static final String SCHOOL_ADMIN = "zp-admin";
    public static final String STAFF = "zp-teacher";
    public static final String BUREAU = "bureau";
    public static final String ENTERPRISE = "enterprise";
    public static final String ZHENPING = "4141013240";
    public static final String NEIXIANG = "4141013250";

    private TestUsers() {}
}
