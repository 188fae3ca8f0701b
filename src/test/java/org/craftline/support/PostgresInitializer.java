package org.craftline.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at this run's PostgreSQL test database. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.datasource.url=" + TestDatabases.url(),
                        "spring.datasource.username=" + TestDatabases.user(),
                        "spring.datasource.password=" + TestDatabases.password())
                .applyTo(context.getEnvironment());
    }
}
