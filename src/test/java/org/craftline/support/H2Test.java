package org.craftline.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A test of the whole application on the embedded H2 database ({@code ./mvnw spring-boot:run}),
 * with the demo installation loaded and every demo user's password set to
 * {@link TestUsers#PASSWORD}. All such tests share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            H2Test.DATASOURCE,
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD
        })
@AutoConfigureMockMvc
public @interface H2Test {

    /**
     * The in-memory database these tests share, kept open until the JVM exits ({@code DB_CLOSE_DELAY=-1}).
     * Several test contexts use it, each with its own pool; without the delay H2 closes it whenever the last
     * connection of all those pools closes. One full run saw it closed in the middle ("The database
     * has been closed [90098]" in every later H2 test); the cause was not found, and this removes the
     * one way the tests themselves could close it.
     */
    String DATASOURCE = "spring.datasource.url=jdbc:h2:mem:compat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
}
