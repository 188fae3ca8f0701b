package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import org.craftline.support.Chromium;
import org.craftline.support.Crawler;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/** The same crawl on the embedded database that {@code ./mvnw spring-boot:run} starts with. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:crawl;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD,
            "server.address=127.0.0.1",
            "craftline.data-dir=target/test-data-h2"
        })
class CrawlH2IT {

    @LocalServerPort
    int port;

    @Autowired
    WebInvocationPrivilegeEvaluator rules;

    @Autowired
    UserDetailsService users;

    @Test
    void everyRoleReachesEveryPageItIsOffered() {
        try (Chromium chromium = Chromium.launch()) {
            var findings = new Crawler(chromium.browser(), port, rules, users).walkAll("h2", CrawlIT.WALKERS);
            assertThat(findings)
                    .as("see target/crawl-h2.txt and target/screenshots")
                    .isEmpty();
        }
    }
}
