package org.craftline.platform;

import org.craftline.support.PostgresCondition;
import org.craftline.support.PostgresInitializer;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/** {@link MailOutboxChecks} on PostgreSQL, with an SMTP server the test starts. */
@ExtendWith(PostgresCondition.class)
@SpringBootTest(
        properties = {
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD,
            "craftline.data-dir=target/test-data",
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties[mail.smtp.starttls.required]=false",
            "craftline.mail.from=" + MailOutboxChecks.FROM,
            "craftline.public-url=" + MailOutboxChecks.PUBLIC_URL + "/",
            "craftline.mail.poll=PT1H",
            "craftline.mail.max-attempts=3"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PostgresInitializer.class)
class MailOutboxIT extends MailOutboxChecks {}
