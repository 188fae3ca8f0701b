package org.craftline.platform;

import org.craftline.support.H2Test;
import org.craftline.support.TestUsers;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** {@link MailOutboxChecks} on the embedded H2 (the H2 tests' database), with an SMTP server the test starts. */
@SpringBootTest(
        properties = {
            H2Test.DATASOURCE,
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
