package org.craftline.platform.security;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.craftline.ApplicationProperties;
import org.craftline.platform.DemoContributor;
import org.craftline.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * At start: makes sure the administrator {@code admin} exists, loads the demo installation once,
 * and prints where to sign in. Passwords go to standard output only, never to the log.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String ADMIN = "admin";

    private final UserAccounts users;
    private final DemoUsers demoUsers;
    private final List<DemoContributor> contributors;
    private final ApplicationProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment env;

    FirstStart(
            UserAccounts users,
            DemoUsers demoUsers,
            List<DemoContributor> contributors,
            ApplicationProperties properties,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Environment env) {
        this.users = users;
        this.demoUsers = demoUsers;
        this.contributors = contributors;
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = tx;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> credentials = new ArrayList<>();
        tx.executeWithoutResult(s -> ensureAdmin(credentials));
        if (properties.demo().enabled() && !demoLoaded()) {
            long started = System.nanoTime();
            tx.executeWithoutResult(s -> loadDemo());
            log.info("Demo installation loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
            credentials.addAll(demoUsers.takePrinted());
        }
        print(credentials);
    }

    private void ensureAdmin(List<String> credentials) {
        if (users.exists(ADMIN)) {
            return;
        }
        String given = properties.adminPassword();
        String password = users.create(new UserForm(
                ADMIN,
                "Administrator",
                Role.SYSTEM_ADMIN,
                null,
                null,
                null,
                null,
                true,
                StringUtils.hasText(given) ? given : null,
                null));
        credentials.add(
                line(ADMIN, Role.SYSTEM_ADMIN, StringUtils.hasText(given) ? "(CRAFTLINE_ADMIN_PASSWORD)" : password));
    }

    private boolean demoLoaded() {
        return jdbc.sql("SELECT COUNT(*) FROM installation WHERE setting = 'demo'")
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void loadDemo() {
        contributors.stream()
                .sorted(Comparator.comparingInt(DemoContributor::order))
                .forEach(contributor -> {
                    long started = System.nanoTime();
                    contributor.load();
                    log.info(
                            "Demo part {} loaded in {} ms",
                            contributor.getClass().getSimpleName(),
                            (System.nanoTime() - started) / 1_000_000);
                });
        jdbc.sql("INSERT INTO installation (setting, setting_value) VALUES ('demo', :at)")
                .param("at", OffsetDateTime.now().toString())
                .update();
    }

    static String line(String username, Role role, String password) {
        return String.format("  %-14s %-13s %s", username, role, password);
    }

    private void print(List<String> credentials) {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder out =
                new StringBuilder("\n==== Craftline ====\nSign in at http://localhost:" + port + "/login\n");
        if (credentials.isEmpty()) {
            out.append("Accounts were created at first start; their passwords were printed then.\n");
        } else {
            out.append("Accounts created now (write the passwords down; they are not shown again):\n");
            credentials.forEach(c -> out.append(c).append('\n'));
        }
        System.out.println(out.append("===================\n"));
    }
}
