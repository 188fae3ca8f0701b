package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import org.craftline.support.BoundUsers;
import org.craftline.support.PostgresCondition;
import org.craftline.support.PostgresInitializer;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email over TLS with credentials, as a deployment with {@code CRAFTLINE_SMTP_SSL=true} and
 * {@code SPRING_MAIL_USERNAME} / {@code _PASSWORD} sends it: to an SMTP server the test starts that
 * speaks TLS from the first byte (GreenMail's SMTPS, port 465 in a deployment) and wants a login. A
 * mail goes with the right password and a trusted certificate; with a wrong password, or a server
 * certificate the sender does not trust, nothing goes and the message waits for its next attempt.
 * (The server's certificate is GreenMail's own, issued to no host name: the test trusts it for
 * 127.0.0.1 and does not check its name, which the application's own settings do.)
 */
@ExtendWith(PostgresCondition.class)
@SpringBootTest(
        properties = {
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD,
            "craftline.data-dir=target/test-data",
            "spring.mail.host=127.0.0.1",
            "spring.mail.username=" + MailTlsIT.LOGIN,
            "spring.mail.password=" + MailTlsIT.SECRET,
            "spring.mail.properties[mail.smtp.auth]=true",
            "spring.mail.properties[mail.smtp.ssl.enable]=true",
            "spring.mail.properties[mail.smtp.ssl.trust]=127.0.0.1",
            "spring.mail.properties[mail.smtp.ssl.checkserveridentity]=false",
            "craftline.mail.from=noreply@craftline.test",
            "craftline.public-url=https://craftline.test/",
            "craftline.mail.poll=PT1H",
            "craftline.mail.max-attempts=5"
        })
@ContextConfiguration(initializers = PostgresInitializer.class)
class MailTlsIT {

    static final String LOGIN = "craftline-sender";
    static final String SECRET = "s3cret-for-tls";
    static final int PORT = freePort();

    @DynamicPropertySource
    static void mailPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageOutbox outbox;

    @Autowired
    Notifications notifications;

    @Autowired
    JavaMailSender sender;

    GreenMail smtps;

    @AfterEach
    void stop() {
        if (smtps != null) {
            smtps.stop();
        }
        jdbc.sql("DELETE FROM app_user WHERE username LIKE 'tlsstaff%'").update();
    }

    @Test
    void aMailGoesOverTlsWithTheRightPasswordAndATrustedCertificateOnly() {
        smtps = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(LOGIN, SECRET));
        smtps.start();
        long school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        String name = BoundUsers.insert(jdbc, "tls", "t", "STAFF", school, null, null);
        long user = jdbc.sql("UPDATE app_user SET email = 'tls@example.cn', email_verified_at = :at"
                        + " WHERE username = :u RETURNING id")
                .param("at", OffsetDateTime.now())
                .param("u", name)
                .query(Long.class)
                .single();
        JavaMailSenderImpl impl = (JavaMailSenderImpl) sender;

        // a wrong password: the server refuses the login, nothing goes, the message waits
        impl.setPassword("wrong-password");
        try {
            notifications.toUser(user, NotificationKind.SECURITY, "notify.password.changed", List.of("x"), "/password");
            assertThat(outbox.deliverDue(OffsetDateTime.now())).isZero();
        } finally {
            impl.setPassword(SECRET);
        }
        assertThat(smtps.getReceivedMessages()).isEmpty();
        assertThat(state(user)).containsExactly("QUEUED");
        assertThat(lastError(user)).startsWith("AuthenticationFailedException");

        // a server certificate the sender does not trust: the handshake fails before the login
        Properties trusted = impl.getJavaMailProperties();
        Properties untrusted = new Properties();
        untrusted.putAll(trusted);
        untrusted.remove("mail.smtp.ssl.trust");
        impl.setJavaMailProperties(untrusted);
        try {
            assertThat(outbox.deliverDue(OffsetDateTime.now().plusHours(1))).isZero();
        } finally {
            impl.setJavaMailProperties(trusted);
        }
        assertThat(smtps.getReceivedMessages()).isEmpty();
        assertThat(jdbc.sql("SELECT attempts FROM message_outbox WHERE user_id = :u")
                        .param("u", user)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(lastError(user)).startsWith("MessagingException");

        // the right password over a trusted connection: it goes, once
        assertThat(outbox.deliverDue(OffsetDateTime.now().plusHours(2))).isEqualTo(1);
        assertThat(smtps.getReceivedMessages()).hasSize(1);
        assertThat(state(user)).containsExactly("SENT");
    }

    private List<String> state(long user) {
        return jdbc.sql("SELECT state FROM message_outbox WHERE user_id = :u")
                .param("u", user)
                .query(String.class)
                .list();
    }

    private String lastError(long user) {
        return jdbc.sql("SELECT last_error FROM message_outbox WHERE user_id = :u")
                .param("u", user)
                .query(String.class)
                .single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
