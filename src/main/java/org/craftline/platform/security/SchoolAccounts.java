package org.craftline.platform.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.EnterpriseDirectory;
import org.craftline.platform.Role;
import org.craftline.platform.StudentDirectory;
import org.craftline.platform.Tenancy;
import org.craftline.platform.TenantDirectory;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The accounts a school administrator keeps for its own school: teachers, graduates (one by one
 * or a whole graduation year at once) and enterprises of the registry. Never another school's
 * users, never an administrator's or the bureau's. Every account it creates gets a generated
 * password, shown once, which must be changed at the first sign-in.
 */
@Service
class SchoolAccounts {

    static final Set<Role> MANAGED = EnumSet.of(Role.STAFF, Role.STUDENT, Role.ENTERPRISE);
    /** A year's graduates of one school are a few thousand at most; one request creates no more. */
    static final int MAX_BULK = 5_000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final Tenancy tenancy;
    private final StudentDirectory students;
    private final EnterpriseDirectory enterprises;
    private final TenantDirectory directory;
    private final AuditLog audit;
    private final AccessRevocation revocation;
    private final Clock clock;

    SchoolAccounts(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batch,
            Tenancy tenancy,
            StudentDirectory students,
            EnterpriseDirectory enterprises,
            TenantDirectory directory,
            AuditLog audit,
            AccessRevocation revocation,
            Clock clock) {
        this.jdbc = jdbc;
        this.revocation = revocation;
        this.batch = batch;
        this.tenancy = tenancy;
        this.students = students;
        this.enterprises = enterprises;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** A teacher's, graduate's or enterprise's account as the school creates it. */
    record AccountForm(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{user.username.pattern}")
            String username,

            @NotBlank @Size(max = 100) String displayName,
            @NotNull Role role,
            @Size(max = 30) String studentNumber,
            @Size(max = 18) String creditCode) {

        static AccountForm empty() {
            return new AccountForm("", "", Role.STAFF, "", "");
        }
    }

    /** An account just created, with the password to hand over once. */
    record Created(String username, String displayName, String password) {}

    @Transactional(readOnly = true)
    Paged<UserView> list(String q, Role role, PageQuery page) {
        long school = ownSchool();
        String text = q == null ? "" : q.strip().toLowerCase();
        String where = " WHERE school_id = :school AND role IN ('STAFF', 'STUDENT', 'ENTERPRISE')"
                + " AND (:q = '' OR LOWER(username) LIKE :like OR LOWER(display_name) LIKE :like)"
                + " AND (:role = '' OR role = :role)";
        Map<String, Object> params =
                Map.of("school", school, "q", text, "like", "%" + text + "%", "role", role == null ? "" : role.name());
        long total = jdbc.sql("SELECT COUNT(*) FROM app_user" + where)
                .params(params)
                .query(Long.class)
                .single();
        page.checkWithin(total);
        List<UserView> items = jdbc.sql("SELECT id, username, display_name, role, school_id, region_id, enabled,"
                        + " created_at, '' AS binding FROM app_user" + where
                        + " ORDER BY username LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(UserView.class)
                .list();
        return new Paged<>(items, page.page(), page.size(), total);
    }

    @Transactional
    Created create(AccountForm form) {
        long school = ownSchool();
        if (!MANAGED.contains(form.role())) {
            throw new InvalidFieldException("role", "account.role.notManaged");
        }
        if (taken(form.username())) {
            throw new ConflictException("user.username.taken", "username", form.username());
        }
        Long studentId = form.role() == Role.STUDENT ? student(school, form.studentNumber()) : null;
        Long enterpriseId = form.role() == Role.ENTERPRISE ? enterprise(form.creditCode()) : null;
        String password = Passwords.generate();
        insert(form.username(), form.displayName().strip(), form.role(), school, studentId, enterpriseId, password);
        audit.created(
                "user",
                form.username(),
                school,
                Map.of("username", form.username(), "role", form.role().name(), "enabled", true));
        return new Created(form.username(), form.displayName().strip(), password);
    }

    @Transactional
    void setEnabled(String username, boolean enabled) {
        long school = ownSchool();
        int changed = jdbc.sql(
                        "UPDATE app_user SET enabled = :e, version = version + 1 WHERE username = :u AND school_id = :s"
                                + " AND role IN ('STAFF', 'STUDENT', 'ENTERPRISE')")
                .param("e", enabled)
                .param("u", username)
                .param("s", school)
                .update();
        if (changed == 0) {
            throw new NotFoundException("user", username);
        }
        if (!enabled) {
            revocation.endSessionsAndTokens(username);
        }
        audit.updated("user", username, school, Map.of("enabled", !enabled), Map.of("enabled", enabled));
    }

    /** The graduates of the year who have no account yet. */
    @Transactional(readOnly = true)
    List<StudentDirectory.Graduate> withoutAccount(int year) {
        long school = ownSchool();
        Set<Long> bound = new java.util.HashSet<>(
                jdbc.sql("SELECT student_id FROM app_user WHERE school_id = :s AND student_id IS NOT NULL")
                        .param("s", school)
                        .query(Long.class)
                        .list());
        return students.graduates(school, year, MAX_BULK).stream()
                .filter(g -> !bound.contains(g.id()))
                .toList();
    }

    /** One account for each graduate of the year without one: user name = student number. */
    @Transactional
    List<Created> createForGraduates(int year) {
        long school = ownSchool();
        List<StudentDirectory.Graduate> graduates = withoutAccount(year);
        String prefix = schoolCode(school) + "-";
        Set<String> inUse = inUse(graduates, prefix);
        List<Created> created = new ArrayList<>();
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (StudentDirectory.Graduate g : graduates) {
            String number = g.studentNumber();
            String username = inUse.contains(number.toLowerCase()) ? prefix + number : number;
            if (inUse.contains(username.toLowerCase())) {
                continue; // both names in use: the office creates this one by hand
            }
            String password = Passwords.generate();
            rows.add(row(username, g.name(), Role.STUDENT, school, g.id(), null, password));
            created.add(new Created(username, g.name(), password));
        }
        batch.batchUpdate(INSERT, rows.toArray(MapSqlParameterSource[]::new));
        audit.record("CREATE", "user", "graduates/" + year, school, null, Map.of("year", year, "rows", created.size()));
        return created;
    }

    private static final String INSERT =
            "INSERT INTO app_user (username, display_name, password_hash, role, school_id, enterprise_id, student_id,"
                    + " enabled, must_change_password, created_at) VALUES (:username, :displayName, :hash, :role,"
                    + " :schoolId, :enterpriseId, :studentId, TRUE, TRUE, :createdAt)";

    private void insert(
            String username, String name, Role role, long school, Long studentId, Long enterpriseId, String password) {
        batch.update(INSERT, row(username, name, role, school, studentId, enterpriseId, password));
    }

    private MapSqlParameterSource row(
            String username, String name, Role role, long school, Long studentId, Long enterpriseId, String password) {
        return new MapSqlParameterSource()
                .addValue("username", username)
                .addValue("displayName", name.length() > 100 ? name.substring(0, 100) : name)
                .addValue("hash", Passwords.initialHash(password))
                .addValue("role", role.name())
                .addValue("schoolId", school)
                .addValue("enterpriseId", enterpriseId)
                .addValue("studentId", studentId)
                .addValue("createdAt", OffsetDateTime.now(clock));
    }

    private long ownSchool() {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.SCHOOL_ADMIN || user.schoolId() == null) {
            throw new AccessDeniedException("a school's administrator keeps its school's accounts");
        }
        return user.schoolId();
    }

    private boolean taken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(username) = LOWER(:u)")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Long student(long school, String number) {
        if (!StringUtils.hasText(number)) {
            throw new InvalidFieldException("studentNumber", "account.student.required");
        }
        return students.studentId(school, number.strip())
                .orElseThrow(() -> new InvalidFieldException("studentNumber", "user.binding.student.unknown"));
    }

    private Long enterprise(String creditCode) {
        if (!StringUtils.hasText(creditCode)) {
            throw new InvalidFieldException("creditCode", "account.enterprise.required");
        }
        return enterprises
                .enterpriseId(creditCode.strip().toUpperCase())
                .orElseThrow(() -> new InvalidFieldException("creditCode", "account.enterprise.unknown"));
    }

    /** Which of the names the graduates could take are in use already: one query for the year. */
    private Set<String> inUse(List<StudentDirectory.Graduate> graduates, String prefix) {
        Set<String> candidates = new java.util.HashSet<>();
        graduates.forEach(g -> {
            candidates.add(g.studentNumber().toLowerCase());
            candidates.add((prefix + g.studentNumber()).toLowerCase());
        });
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT LOWER(username) FROM app_user WHERE LOWER(username) IN (:n)")
                .param("n", candidates)
                .query(String.class)
                .list());
    }

    /** The school's code, from the label "code name" that the directory gives. */
    private String schoolCode(long school) {
        return directory.schoolLabels(List.of(school)).get(school).split(" ", 2)[0];
    }
}
