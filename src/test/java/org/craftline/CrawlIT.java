package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.craftline.support.Chromium;
import org.craftline.support.Crawler;
import org.craftline.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/** Every page of every demo role, on PostgreSQL: the guard of "every page works for every role". */
@PostgresTest
class CrawlIT {

    /** The demo's roles; the teacher and the graduate on a phone. */
    static final List<Crawler.Walker> WALKERS = List.of(
            new Crawler.Walker("admin", 1366),
            new Crawler.Walker("zp-admin", 1366),
            new Crawler.Walker("bureau", 1366),
            new Crawler.Walker("enterprise", 1366),
            new Crawler.Walker("zp-teacher", 390),
            new Crawler.Walker("student", 390));

    @LocalServerPort
    int port;

    @Autowired
    WebInvocationPrivilegeEvaluator rules;

    @Autowired
    UserDetailsService users;

    @Test
    void everyRoleReachesEveryPageItIsOffered() {
        try (Chromium chromium = Chromium.launch()) {
            var findings = new Crawler(chromium.browser(), port, rules, users).walkAll("postgresql", WALKERS);
            assertThat(findings)
                    .as("see target/crawl-postgresql.txt and target/screenshots")
                    .isEmpty();
        }
    }
}
