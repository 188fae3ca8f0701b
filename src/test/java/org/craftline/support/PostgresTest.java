package org.craftline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test of the whole application on this run's own PostgreSQL database, with the
 * demo installation loaded and every demo user's password set to {@link TestUsers#PASSWORD}. All
 * such tests share one application context (and one server port).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresCondition.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD,
            "server.address=127.0.0.1",
            "craftline.imports.max-file-size=16MB",
            "craftline.data-dir=target/test-data"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresTest {}
