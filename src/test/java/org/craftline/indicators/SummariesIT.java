package org.craftline.indicators;

import org.craftline.support.PostgresCondition;
import org.craftline.support.TestDatabases;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The summaries' contract on PostgreSQL (statement-level triggers with transition tables), in a
 * database of its own: its random writes change the demo's records, which other tests read.
 */
@ExtendWith(PostgresCondition.class)
@SpringBootTest(
        properties = {
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD,
            "craftline.data-dir=target/test-data-summaries"
        })
@ContextConfiguration(initializers = SummariesIT.OwnDatabase.class)
class SummariesIT extends SummariesContract {

    @Override
    int writes() {
        return 40;
    }

    static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "spring.datasource.url=" + TestDatabases.another(),
                            "spring.datasource.username=" + TestDatabases.user(),
                            "spring.datasource.password=" + TestDatabases.password())
                    .applyTo(context.getEnvironment());
        }
    }
}
