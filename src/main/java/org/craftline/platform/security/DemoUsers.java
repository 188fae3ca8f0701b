package org.craftline.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.craftline.ApplicationProperties;
import org.craftline.platform.DemoContributor;
import org.craftline.platform.Role;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** One demo user per role, bound to the demo's Zhenping school or its region. */
@Component
class DemoUsers implements DemoContributor {

    static final String ZHENPING_SCHOOL = "4141013240";
    static final String NANYANG_CITY = "411300";
    private final List<String> printed = new ArrayList<>();

    private final UserAccounts users;
    private final ApplicationProperties properties;

    DemoUsers(UserAccounts users, ApplicationProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public void load() {
        create("zp-admin", "镇平职专教务处", Role.SCHOOL_ADMIN, ZHENPING_SCHOOL, null);
        create("zp-teacher", "李老师", Role.STAFF, ZHENPING_SCHOOL, null);
        create("bureau", "南阳市教育局职成科", Role.BUREAU, null, NANYANG_CITY);
        create("enterprise", "镇平玉雕企业人事", Role.ENTERPRISE, null, null);
        create("student", "镇平职专校友", Role.STUDENT, ZHENPING_SCHOOL, null, "G202600001");
    }

    private void create(String username, String name, Role role, String school, String region) {
        create(username, name, role, school, region, null);
    }

    private void create(String username, String name, Role role, String school, String region, String student) {
        String given = properties.demo().password();
        String password = users.create(new UserForm(
                username,
                name,
                role,
                school,
                region,
                null,
                student,
                true,
                StringUtils.hasText(given) ? given : null,
                null));
        synchronized (printed) {
            printed.add(FirstStart.line(
                    username, role, StringUtils.hasText(given) ? "(CRAFTLINE_DEMO_PASSWORD)" : password));
        }
    }

    /** The credentials created by the last load, handed to the start-up banner once. */
    List<String> takePrinted() {
        synchronized (printed) {
            List<String> copy = List.copyOf(printed);
            printed.clear();
            return copy;
        }
    }
}
