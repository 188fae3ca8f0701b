package org.craftline.platform.web;

import java.util.Set;
import org.craftline.platform.Role;
import org.craftline.platform.Tenancy;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    /** The roles whose home is their dashboard (a school's, a group's or a region's: the reports module's). */
    private static final Set<Role> DASHBOARD = Set.of(Role.SYSTEM_ADMIN, Role.BUREAU, Role.SCHOOL_ADMIN, Role.STAFF);

    private final Tenancy tenancy;

    HomeController(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @GetMapping("/")
    String home() {
        var user = tenancy.currentUser();
        if (DASHBOARD.contains(user.role())) {
            return "forward:/dashboard";
        }
        // an enterprise user bound to its unit starts at the unit's portal (the jobs module's)
        return user.role() == Role.ENTERPRISE && user.enterpriseId() != null ? "forward:/jobs/unit" : "platform/home";
    }
}
