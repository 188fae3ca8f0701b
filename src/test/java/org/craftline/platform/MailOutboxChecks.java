package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.support.BoundUsers;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Notifications by email against an SMTP server the test starts (GreenMail): a new address is
 * confirmed by the link sent to it before any other mail goes there, and a changed or stale link is
 * refused; a notification becomes one mail in Chinese and English with the absolute link; a kind
 * turned off sends none; a failed send waits a minute, then twice as long, and is given up after
 * the last attempt; a message claimed by a sender that stopped goes once its claim runs out, exactly
 * once; a recipient the server refuses ({@link RefusingSmtpServer}) fails alone while the rest of its
 * batch goes. The application's own poll is an hour away: the tests drive the queue with their own
 * clock.
 *
 * <p>Run on PostgreSQL ({@link MailOutboxIT}) and on the embedded H2 ({@link MailOutboxH2Test}); the
 * restart is {@code MailRestartIT}.
 */
abstract class MailOutboxChecks {

    static final int PORT = freePort();
    static final String FROM = "noreply@craftline.test";
    static final String PUBLIC_URL = "https://craftline.test";
    static final Pattern CONFIRM_LINK =
            Pattern.compile(Pattern.quote(PUBLIC_URL) + "/public/email/([A-Za-z0-9_-]{32})");

    @DynamicPropertySource
    static void mailPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    MessageOutbox outbox;

    @Autowired
    Notifications notifications;

    GreenMail smtp;
    String name;
    long userId;

    @BeforeEach
    void userAndServer() {
        remove();
        long school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        name = BoundUsers.insert(jdbc, "mail", "t", "STAFF", school, null, null);
        userId = jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", name)
                .query(Long.class)
                .single();
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void remove() {
        if (smtp != null) {
            smtp.stop();
        }
        // the user's notifications, opt-outs and queued messages go with it
        jdbc.sql("DELETE FROM app_user WHERE username LIKE 'mailstaff%' OR username LIKE 'mailstudent%'")
                .update();
    }

    @Test
    void aNewAddressIsConfirmedByItsLinkBeforeAnyNotificationIsMailedThere() throws Exception {
        var me = user(users.loadUserByUsername(name));
        mvc.perform(get("/api/v1/me/email").with(me))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.mailEnabled").value(true));
        mvc.perform(put("/api/v1/me/email")
                        .with(me)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"not-an-address\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/me/email")
                        .with(me)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \" Teacher.Wang@Example.cn \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("Teacher.Wang@Example.cn"))
                .andExpect(jsonPath("$.confirmed").value(false));

        // before the address is confirmed, a notification reaches the inbox only
        notifications.toUser(userId, NotificationKind.SECURITY, "notify.password.changed", List.of("x"), "/password");
        assertThat(outbox.deliverDue(OffsetDateTime.now())).isEqualTo(1);
        MimeMessage[] mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(1);
        assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo("Teacher.Wang@Example.cn");
        String body = GreenMailUtil.getBody(mail[0]);
        String text = new String(mail[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher link = CONFIRM_LINK.matcher(text);
        assertThat(link.find()).as(body).isTrue();
        String token = link.group(1);
        assertThat(text).contains("确认这个邮箱").contains("confirm that this address");

        // a changed link is refused; opening the page changes nothing; its button confirms, once
        String changed = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
        assertThat(mvc.perform(post("/public/email/" + changed).with(csrf()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("链接无效");
        mvc.perform(get("/public/email/" + token)).andExpect(status().isOk());
        assertThat(confirmed()).isFalse();
        assertThat(mvc.perform(post("/public/email/" + token).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("邮箱已确认");
        assertThat(confirmed()).isTrue();
        assertThat(mvc.perform(post("/public/email/" + token).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("已经确认过");

        // now a notification is mailed: one message, Chinese then English, with the absolute link
        notifications.toUser(
                userId, NotificationKind.SECURITY, "notify.password.changed", List.of("2026-12-05 10:00"), "/password");
        assertThat(outbox.deliverDue(OffsetDateTime.now())).isEqualTo(1);
        mail = smtp.getReceivedMessages();
        assertThat(mail).hasSize(2);
        assertThat(mail[1].getSubject()).isEqualTo("Craftline: 安全通知 / Security notice");
        String notice = new String(mail[1].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(notice)
                .contains("你的密码已于 2026-12-05 10:00 修改")
                .contains("Your password was changed at 2026-12-05 10:00")
                .contains(PUBLIC_URL + "/password");
        assertThat(mail[1].getMessageID()).matches("<craftline\\.\\d+@craftline\\.test>");

        // a kind turned off is neither in the inbox nor mailed
        jdbc.sql("INSERT INTO notification_opt_out (user_id, kind) VALUES (:u, 'IMPORT_FINISHED')")
                .param("u", userId)
                .update();
        notifications.toUser(
                userId, NotificationKind.IMPORT_FINISHED, "notify.import.finished", List.of("a", 1, 2), "/imports");
        assertThat(outbox.deliverDue(OffsetDateTime.now())).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        // a new address must be confirmed again, and the old link no longer confirms anything
        mvc.perform(put("/api/v1/me/email")
                        .with(me)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"wang2@example.cn\"}"))
                .andExpect(jsonPath("$.confirmed").value(false));
        assertThat(mvc.perform(post("/public/email/" + token).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("链接无效");
        assertThat(confirmed()).isFalse();

        // at most five confirmation links a day
        for (int i = 3; i <= 5; i++) {
            mvc.perform(put("/api/v1/me/email")
                            .with(me)
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"email\": \"wang" + i + "@example.cn\"}"))
                    .andExpect(status().isOk());
        }
        mvc.perform(put("/api/v1/me/email")
                        .with(me)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"wang6@example.cn\"}"))
                .andExpect(status().isBadRequest());
        // blank removes the address
        mvc.perform(put("/api/v1/me/email")
                        .with(me)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").doesNotExist());
    }

    @Test
    void aGraduateSetsItsAddressThroughTheApiToo() throws Exception {
        long school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        long student = jdbc.sql("SELECT id FROM student WHERE school_id = :s ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("s", school)
                .query(Long.class)
                .single();
        String graduate = BoundUsers.insert(jdbc, "mail", "g", "STUDENT", school, null, student);
        mvc.perform(put("/api/v1/me/email")
                        .with(user(users.loadUserByUsername(graduate)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"grad@example.cn\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("grad@example.cn"));
    }

    @Test
    void theInboxPageSetsTheAddress() throws Exception {
        var me = user(users.loadUserByUsername(name));
        assertThat(mvc.perform(get("/inbox").with(me))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("name=\"email\"");
        mvc.perform(post("/inbox/email").with(me).with(csrf()).param("email", "li@example.cn"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT email FROM app_user WHERE id = :u")
                        .param("u", userId)
                        .query(String.class)
                        .single())
                .isEqualTo("li@example.cn");
        assertThat(outbox.deliverDue(OffsetDateTime.now())).isEqualTo(1);
    }

    @Test
    void aFailedSendWaitsAMinuteThenTwiceAsLongAndIsGivenUpAfterTheLastAttempt() throws Exception {
        confirm("zhao@example.cn");
        smtp.stop();
        notifications.toUser(userId, NotificationKind.SECURITY, "notify.password.changed", List.of("x"), "/password");
        OffsetDateTime now = OffsetDateTime.now();

        assertThat(outbox.deliverDue(now)).isZero();
        Map<String, Object> row = row();
        assertThat(row).containsEntry("state", "QUEUED").containsEntry("attempts", 1);
        assertThat(row.get("last_error")).isNotNull();
        assertThat(next()).isBetween(now.plusSeconds(59), now.plusSeconds(61));

        assertThat(outbox.deliverDue(now.plusSeconds(30))).isZero();
        assertThat(row()).containsEntry("attempts", 1);

        OffsetDateTime second = now.plusSeconds(61);
        assertThat(outbox.deliverDue(second)).isZero();
        assertThat(row()).containsEntry("attempts", 2).containsEntry("state", "QUEUED");
        assertThat(next()).isBetween(second.plusSeconds(119), second.plusSeconds(121));

        // the third attempt is the last (max-attempts=3): given up, never tried again
        OffsetDateTime third = second.plusSeconds(121);
        assertThat(outbox.deliverDue(third)).isZero();
        assertThat(row()).containsEntry("attempts", 3).containsEntry("state", "FAILED");
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertThat(outbox.deliverDue(third.plusDays(1))).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // the operator sees it given up, its address masked, and puts it back once the server is fixed
        var admin = user(users.loadUserByUsername(TestUsers.ADMIN));
        String queue = mvc.perform(get("/api/v1/admin/mail-queue").with(admin))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emailEnabled").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(queue).contains("z***@example.cn").doesNotContain("zhao@");
        mvc.perform(get("/api/v1/admin/mail-queue").with(user(users.loadUserByUsername(TestUsers.STAFF))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/mail").with(admin)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/admin/mail-queue/retry").with(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retried").isNumber());
        assertThat(row()).containsEntry("state", "QUEUED").containsEntry("attempts", 0);
        assertThat(outbox.deliverDue(OffsetDateTime.now())).isPositive();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        smtp.purgeEmailFromAllMailboxes();

        // a message that failed once goes on the next attempt, once
        notifications.toUser(userId, NotificationKind.SECURITY, "notify.password.changed", List.of("y"), "/password");
        smtp.stop();
        OffsetDateTime later = OffsetDateTime.now();
        assertThat(outbox.deliverDue(later)).isZero();
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertThat(outbox.deliverDue(later.plusSeconds(61))).isEqualTo(1);
        assertThat(outbox.deliverDue(later.plusDays(1))).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(MessageOutbox.wait(10)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void aMessageClaimedByASenderThatStoppedGoesOnceItsClaimRunsOut() throws Exception {
        confirm("qian@example.cn");
        notifications.toUser(userId, NotificationKind.SECURITY, "notify.password.changed", List.of("x"), "/password");
        OffsetDateTime now = OffsetDateTime.now();
        // another instance claimed it and stopped before it could send
        jdbc.sql("UPDATE message_outbox SET attempts = 1, claimed_until = :until WHERE user_id = :u")
                .param("until", now.plus(MessageOutbox.LEASE))
                .param("u", userId)
                .update();
        assertThat(outbox.deliverDue(now)).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        assertThat(outbox.deliverDue(now.plus(MessageOutbox.LEASE).plusSeconds(1)))
                .isEqualTo(1);
        assertThat(outbox.deliverDue(now.plusDays(1))).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(row()).containsEntry("state", "SENT").containsEntry("attempts", 2);

        // several due at once go together (one connection), each once, each with its own Message-ID
        for (int i = 0; i < 3; i++) {
            notifications.toUser(userId, NotificationKind.SECURITY, "notify.password.changed", List.of(i), "/password");
        }
        assertThat(outbox.deliverDue(OffsetDateTime.now())).isEqualTo(3);
        assertThat(outbox.deliverDue(OffsetDateTime.now().plusDays(1))).isZero();
        MimeMessage[] all = smtp.getReceivedMessages();
        assertThat(all).hasSize(4);
        assertThat(java.util.Arrays.stream(all)
                        .map(m -> {
                            try {
                                return m.getMessageID();
                            } catch (jakarta.mail.MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .distinct())
                .hasSize(4);
    }

    @Test
    void aMessageQueuedForAnAddressTheUserChangedSinceIsNotSent() throws Exception {
        confirm("sun@example.cn");
        notifications.toUser(userId, NotificationKind.SECURITY, "notify.password.changed", List.of("x"), "/password");
        jdbc.sql("UPDATE app_user SET email = 'sun2@example.cn', email_verified_at = NULL WHERE id = :u")
                .param("u", userId)
                .update();
        assertThat(outbox.deliverDue(OffsetDateTime.now())).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(row()).containsEntry("state", "FAILED");
    }

    @Test
    void aRecipientTheServerRefusesFailsAloneWhileTheRestOfItsBatchGoes() throws Exception {
        List<String> addresses = List.of("zhou@example.cn", "wu@example.cn", "zheng@example.cn");
        List<Long> recipients = List.of(userId, staff("r2"), staff("r3"));
        for (int i = 0; i < 3; i++) {
            confirm(recipients.get(i), addresses.get(i));
            notifications.toUser(
                    recipients.get(i), NotificationKind.SECURITY, "notify.password.changed", List.of(i), "/password");
        }
        // the sender reaches the test's SMTP server on PORT: the refusing one takes GreenMail's place
        smtp.stop();
        smtp = null;
        try (RefusingSmtpServer server = new RefusingSmtpServer(PORT, addresses.get(1))) {
            OffsetDateTime now = OffsetDateTime.now();
            assertThat(outbox.deliverDue(now)).isEqualTo(2);

            // the middle one was tried and refused; the one after it still went, over the same batch
            assertThat(server.refusals()).containsExactly(addresses.get(1));
            assertThat(server.accepted())
                    .extracting(RefusingSmtpServer.Accepted::recipients)
                    .containsExactly(List.of(addresses.get(0)), List.of(addresses.get(2)));
            for (int i : new int[] {0, 2}) {
                Map<String, Object> sent = rowTo(addresses.get(i));
                assertThat(sent).containsEntry("state", "SENT").containsEntry("attempts", 1);
                assertThat(sent.get("last_error")).isNull();
                assertThat(server.accepted().get(i / 2).text())
                        .contains("Message-ID: <craftline." + sent.get("id") + "@craftline.test>");
            }
            Map<String, Object> refused = rowTo(addresses.get(1));
            assertThat(refused).containsEntry("state", "QUEUED").containsEntry("attempts", 1);
            // a refusal, not a lost connection (Jakarta Mail's text does not carry the server's answer)
            assertThat((String) refused.get("last_error")).startsWith("SendFailedException");

            // a minute later the refused one is tried again, alone; those sent are not sent again
            assertThat(outbox.deliverDue(now.plusSeconds(61))).isZero();
            assertThat(server.refusals()).hasSize(2);
            assertThat(server.accepted()).hasSize(2);
            assertThat(rowTo(addresses.get(1))).containsEntry("state", "QUEUED").containsEntry("attempts", 2);
        }
    }

    /** Another staff user of the test's school, removed with the test's own. */
    private long staff(String tag) {
        long school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        String staff = BoundUsers.insert(jdbc, "mail", tag, "STAFF", school, null, null);
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", staff)
                .query(Long.class)
                .single();
    }

    private void confirm(String address) {
        confirm(userId, address);
    }

    private void confirm(long user, String address) {
        jdbc.sql("UPDATE app_user SET email = :e, email_verified_at = :at WHERE id = :u")
                .param("e", address)
                .param("at", OffsetDateTime.now())
                .param("u", user)
                .update();
    }

    private boolean confirmed() {
        return jdbc.sql("SELECT email_verified_at IS NOT NULL FROM app_user WHERE id = :u")
                .param("u", userId)
                .query(Boolean.class)
                .single();
    }

    /** The user's first queued message. */
    private Map<String, Object> row() {
        return jdbc.sql("SELECT state, attempts, last_error FROM message_outbox WHERE user_id = :u ORDER BY id"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param("u", userId)
                .query()
                .singleRow();
    }

    /** The one queued message to the address. */
    private Map<String, Object> rowTo(String address) {
        return jdbc.sql("SELECT id, state, attempts, last_error FROM message_outbox WHERE address = :a")
                .param("a", address)
                .query()
                .singleRow();
    }

    private OffsetDateTime next() {
        return jdbc.sql("SELECT next_attempt_at FROM message_outbox WHERE user_id = :u ORDER BY id"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param("u", userId)
                .query(OffsetDateTime.class)
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
