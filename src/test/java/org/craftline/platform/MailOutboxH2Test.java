package org.craftline.platform;

import org.craftline.support.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** {@link MailOutboxChecks} on the embedded H2 (the H2 tests' database), with an SMTP server the test starts. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:compat;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD,
            "spring.mail.host=127.0.0.1",
            "spring.mail.properties[mail.smtp.starttls.required]=false",
            "craftline.mail.from=" + MailOutboxChecks.FROM,
            "craftline.public-url=" + MailOutboxChecks.PUBLIC_URL + "/",
            "craftline.mail.poll=PT1H",
            "craftline.mail.max-attempts=3"
        })
@AutoConfigureMockMvc
class MailOutboxH2Test extends MailOutboxChecks {}
