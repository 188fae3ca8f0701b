package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.craftline.platform.NotificationKind;
import org.craftline.platform.Notifications;
import org.craftline.support.BoundUsers;
import org.craftline.support.PostgresCondition;
import org.craftline.support.TestDatabases;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mail queue survives a restart: a notification mailed while the SMTP server is away waits in the
 * database; the application stops; once it is started again (and the server is back) the message is
 * delivered by the application's own poll, exactly once, however many polls follow.
 */
@ExtendWith(PostgresCondition.class)
class MailRestartIT {

    /** How long the restarted application has to deliver, polling every half second. */
    static final int WAIT_SECONDS = 60;

    @Test
    void aMessageQueuedBeforeARestartIsDeliveredAfterItExactlyOnce() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path data = Files.createTempDirectory(Path.of("target"), "mail-restart");
        List<String> args = List.of(
                "--spring.datasource.url=" + TestDatabases.url(),
                "--spring.datasource.username=" + TestDatabases.user(),
                "--spring.datasource.password=" + TestDatabases.password(),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + port,
                "--spring.mail.properties[mail.smtp.starttls.required]=false",
                "--craftline.mail.from=noreply@craftline.test",
                "--craftline.public-url=https://craftline.test");

        String name;
        long message;
        // before: the server is away, the application mails a notice (its poll tries, and fails)
        try (ConfigurableApplicationContext before =
                BackupDrill.start(data, with(args, "--craftline.mail.poll=PT0.5S"))) {
            JdbcClient jdbc = before.getBean(JdbcClient.class);
            long school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                    .param("c", TestUsers.ZHENPING)
                    .query(Long.class)
                    .single();
            jdbc.sql("DELETE FROM app_user WHERE username LIKE 'restartstaff%'").update();
            name = BoundUsers.insert(jdbc, "restart", "m", "STAFF", school, null, null);
            jdbc.sql("UPDATE app_user SET email = 'restart@example.cn', email_verified_at = :at WHERE username = :u")
                    .param("at", OffsetDateTime.now())
                    .param("u", name)
                    .update();
            long user = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                    .param("u", name)
                    .query(Long.class)
                    .single();
            before.getBean(Notifications.class)
                    .toUser(user, NotificationKind.SECURITY, "notify.password.changed", List.of("x"), "/password");
            message = jdbc.sql("SELECT id FROM message_outbox WHERE user_id = :u")
                    .param("u", user)
                    .query(Long.class)
                    .single();
            waitFor(() -> (Integer) row(jdbc, message).get("attempts") >= 1);
            assertThat(row(jdbc, message)).containsEntry("state", "QUEUED");
        }

        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // after: the first retry is a minute after the failure; the restarted application polls every half second
        try (ConfigurableApplicationContext after =
                BackupDrill.start(data, with(args, "--craftline.mail.poll=PT0.5S"))) {
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            jdbc.sql("UPDATE message_outbox SET next_attempt_at = :now WHERE id = :id")
                    .param("now", OffsetDateTime.now())
                    .param("id", message)
                    .update();
            waitFor(() -> smtp.getReceivedMessages().length > 0);
            // several more polls: nothing more goes
            Thread.sleep(3_000);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
                    .isEqualTo("restart@example.cn");
            assertThat(row(jdbc, message)).containsEntry("state", "SENT").containsEntry("attempts", 2);
            jdbc.sql("DELETE FROM app_user WHERE username = :u")
                    .param("u", name)
                    .update();
        } finally {
            smtp.stop();
        }
    }

    private static String[] with(List<String> args, String more) {
        List<String> all = new java.util.ArrayList<>(args);
        all.add(more);
        return all.toArray(String[]::new);
    }

    private static Map<String, Object> row(JdbcClient jdbc, long id) {
        return jdbc.sql("SELECT state, attempts FROM message_outbox WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < WAIT_SECONDS * 10 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("within " + WAIT_SECONDS + " s").isTrue();
    }
}
