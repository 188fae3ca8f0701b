package org.craftline.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.NotificationKind;
import org.craftline.platform.Notifications;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every user changes its own password (and must, at the first sign-in of an account someone else
 * created or reset): the current one, then the new one twice.
 */
@Service
class OwnPassword {

    /** bcrypt reads at most 72 bytes: a longer password would be cut without a word. */
    static final int MAX_BYTES = 72;

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final AccessRevocation revocation;
    private final Notifications notifications;
    private final Clock clock;

    OwnPassword(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            Tenancy tenancy,
            AuditLog audit,
            AccessRevocation revocation,
            Notifications notifications,
            Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
        this.revocation = revocation;
        this.encoder = encoder;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    record ChangeForm(
            @NotBlank @Size(max = 200) String current,
            @NotBlank @Size(max = 200) String password,
            @NotBlank @Size(max = 200) String repeat) {

        static ChangeForm empty() {
            return new ChangeForm("", "", "");
        }
    }

    @Transactional(readOnly = true)
    boolean mustChange(long userId) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT must_change_password FROM app_user WHERE id = :id")
                .param("id", userId)
                .query(Boolean.class)
                .optional()
                .orElse(false));
    }

    /**
     * Changes the signed-in user's password; its other sessions and its API tokens end. Answers the
     * user's new session epoch, which the session that made the change takes on.
     */
    @Transactional
    int change(ChangeForm form) {
        CurrentUser user = tenancy.currentUser();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id")
                .param("id", user.id())
                .query(String.class)
                .single();
        List<InvalidFieldException> problems = new ArrayList<>();
        if (!encoder.matches(form.current(), hash)) {
            problems.add(new InvalidFieldException("current", "password.current.wrong"));
        }
        problems.addAll(problems(form.password(), user.username()));
        if (!form.password().equals(form.repeat())) {
            problems.add(new InvalidFieldException("repeat", "password.repeat.differs"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        jdbc.sql("UPDATE app_user SET password_hash = :h, must_change_password = FALSE WHERE id = :id")
                .param("h", encoder.encode(form.password()))
                .param("id", user.id())
                .update();
        audit.record("PASSWORD_CHANGE", "user", user.username(), user.schoolId(), null, null);
        notifications.toUser(
                user.id(),
                NotificationKind.SECURITY,
                "notify.password.changed",
                List.of(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(java.time.ZonedDateTime.now(clock))),
                "/password");
        return revocation.endSessionsAndTokens(user.username());
    }

    /** What is wrong with a new password: too short, too long for bcrypt, one repeated character, the user name. */
    static List<InvalidFieldException> problems(String password, String username) {
        List<InvalidFieldException> problems = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < 12) {
            problems.add(new InvalidFieldException("password", "password.short"));
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(new InvalidFieldException("password", "password.long"));
        } else if (password.codePoints().distinct().count() == 1) {
            problems.add(new InvalidFieldException("password", "password.repeated"));
        } else if (password.equalsIgnoreCase(username)) {
            problems.add(new InvalidFieldException("password", "password.username"));
        }
        return problems;
    }
}
