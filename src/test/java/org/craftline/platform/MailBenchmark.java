package org.craftline.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.CraftlineApplication;
import org.craftline.support.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The mail queue against the bare sender, on loopback: N users with confirmed addresses are told one
 * thing (one notification statement queues N mails), and the queue delivers them to a GreenMail SMTP
 * server; in the same run, the same N mails sent straight through Spring's JavaMailSender are the
 * references: one connection each, and all over one connection. All land in the same server.
 *
 * <pre>bench/java.sh org.craftline.platform.MailBenchmark [N=1000]</pre>
 *
 * Needs the local PostgreSQL (a throwaway database); figures: docs/benchmarks.md, "Mail queue".
 */
public final class MailBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path data = Files.createTempDirectory("mail-bench");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CraftlineApplication.class)
                .run(
                        "--spring.datasource.url=" + TestDatabases.another(),
                        "--spring.datasource.username=" + TestDatabases.user(),
                        "--spring.datasource.password=" + TestDatabases.password(),
                        "--craftline.data-dir=" + data,
                        "--craftline.demo.enabled=false",
                        "--craftline.admin-password=bench-password-0123",
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + port,
                        "--spring.mail.properties[mail.smtp.starttls.required]=false",
                        "--craftline.mail.from=noreply@craftline.test",
                        "--craftline.public-url=https://craftline.test",
                        "--craftline.mail.poll=PT1H",
                        // the name the client greets the server with (EHLO); without it Jakarta Mail looks this host up
                        "--spring.mail.properties[mail.smtp.localhost]=" + System.getProperty("bench.helo", ""))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long school = users(jdbc, n);
            Notifications notifications = app.getBean(Notifications.class);
            MessageOutbox outbox = app.getBean(MessageOutbox.class);
            JavaMailSender sender = app.getBean(JavaMailSender.class);

            // warm both paths (JIT, the first connection) on a few mails, then empty the server
            direct(sender, 20);
            smtp.purgeEmailFromAllMailboxes();

            long t0 = System.nanoTime();
            direct(sender, n);
            double bare = seconds(t0);
            check(smtp, n);
            smtp.purgeEmailFromAllMailboxes();

            long tb = System.nanoTime();
            batch(sender, n);
            double oneConnection = seconds(tb);
            check(smtp, n);
            smtp.purgeEmailFromAllMailboxes();

            long t1 = System.nanoTime();
            int queued = notifications.toSchoolAdmins(
                    school,
                    NotificationKind.SECURITY,
                    "notify.password.changed",
                    List.of("2026-12-05 10:00"),
                    "/password");
            double queueing = seconds(t1);
            long t2 = System.nanoTime();
            int sent = 0;
            for (int run = 0; run < n / (MessageOutbox.BATCH * MessageOutbox.BATCHES_PER_RUN) + 2; run++) {
                sent += outbox.deliverDue(OffsetDateTime.now());
            }
            double delivering = seconds(t2);
            check(smtp, n);
            System.out.printf(
                    "%nmail queue, %d mails on loopback to GreenMail%n"
                            + "| path | seconds | mails/s | ratio to one connection |%n|---|---|---|---|%n"
                            + "| bare JavaMailSender, one connection each | %.2f | %.0f | %.2f |%n"
                            + "| bare JavaMailSender, one connection for all | %.2f | %.0f | 1.00 |%n"
                            + "| queue: the notification statement (%d queued) | %.3f | | |%n"
                            + "| queue: delivery (%d sent, a connection per batch of %d) | %.2f | %.0f | %.2f |%n"
                            + "| queue: both | %.2f | | %.2f |%n",
                    n,
                    bare,
                    n / bare,
                    bare / oneConnection,
                    oneConnection,
                    n / oneConnection,
                    queued,
                    queueing,
                    sent,
                    MessageOutbox.BATCH,
                    delivering,
                    n / delivering,
                    delivering / oneConnection,
                    queueing + delivering,
                    (queueing + delivering) / oneConnection);
        } finally {
            smtp.stop();
        }
    }

    /** A school with n administrators, each with a confirmed address; the school's id. */
    private static long users(JdbcClient jdbc, int n) {
        jdbc.sql("INSERT INTO region (code, name, level, path) VALUES ('990000', '基准省', 'PROVINCE', '/990000/')")
                .update();
        jdbc.sql("INSERT INTO school (code, name, region_id, founded_year)"
                        + " SELECT '9900000001', '基准学校', id, 2000 FROM region WHERE code = '990000'")
                .update();
        long school = jdbc.sql("SELECT id FROM school WHERE code = '9900000001'")
                .query(Long.class)
                .single();
        for (int i = 0; i < n; i++) {
            jdbc.sql("""
                            INSERT INTO app_user (username, display_name, password_hash, role, school_id, enabled, created_at,
                              email, email_verified_at)
                            VALUES (:u, :u, '{noop}unused', 'SCHOOL_ADMIN', :s, TRUE, CURRENT_TIMESTAMP, :e, CURRENT_TIMESTAMP)
                            """)
                    .param("u", "bench" + i)
                    .param("s", school)
                    .param("e", "bench" + i + "@example.cn")
                    .update();
        }
        return school;
    }

    private static void direct(JavaMailSender sender, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom("noreply@craftline.test");
            helper.setTo("bench" + i + "@example.cn");
            helper.setSubject("Craftline: 安全通知 / Security notice");
            helper.setText("你的密码已于 2026-12-05 10:00 修改。\nhttps://craftline.test/password\n\n"
                    + "Your password was changed at 2026-12-05 10:00.\nhttps://craftline.test/password\n");
            sender.send(mime);
        }
    }

    private static void batch(JavaMailSender sender, int n) throws Exception {
        MimeMessage[] all = new MimeMessage[n];
        for (int i = 0; i < n; i++) {
            all[i] = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(all[i], false, "UTF-8");
            helper.setFrom("noreply@craftline.test");
            helper.setTo("bench" + i + "@example.cn");
            helper.setSubject("Craftline: 安全通知 / Security notice");
            helper.setText("你的密码已于 2026-12-05 10:00 修改。\nhttps://craftline.test/password\n");
        }
        sender.send(all);
    }

    private static void check(GreenMail smtp, int n) {
        int received = smtp.getReceivedMessages().length;
        if (received != n) {
            throw new IllegalStateException("the server received " + received + " mails, not " + n);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
