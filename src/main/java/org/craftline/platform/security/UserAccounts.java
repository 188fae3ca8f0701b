package org.craftline.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.platform.StudentDirectory;
import org.craftline.platform.TenantDirectory;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** Users: sign-in lookup and the administrator's management of accounts and their bindings. */
@Service
class UserAccounts implements UserDetailsService {

    private static final String COLUMNS =
            "id, username, display_name, password_hash, role, school_id, region_id, group_id, enterprise_id,"
                    + " student_id, enabled, created_at, session_epoch";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final TenantDirectory directory;
    private final StudentDirectory students;
    private final AuditLog audit;
    private final AccessRevocation revocation;
    private final Clock clock;
    private final EditVersions versions;

    UserAccounts(
            JdbcClient jdbc,
            PasswordEncoder encoder,
            TenantDirectory directory,
            StudentDirectory students,
            AuditLog audit,
            AccessRevocation revocation,
            Clock clock,
            EditVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.revocation = revocation;
        this.encoder = encoder;
        this.directory = directory;
        this.students = students;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // throttling comes before this look-up, alike for known and unknown names (ThrottledSignIn)
        return findPrincipal("username = :v", username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Transactional(readOnly = true)
    Optional<CraftlineUser> findById(long id) {
        return findPrincipal("id = :v", id);
    }

    private Optional<CraftlineUser> findPrincipal(String condition, Object value) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE " + condition)
                .param("v", value)
                .query(PRINCIPAL)
                .optional();
    }

    @Transactional(readOnly = true)
    Paged<UserView> list(String q, Role role, PageQuery page) {
        String where = " WHERE (:q = '' OR LOWER(username) LIKE :like OR LOWER(display_name) LIKE :like)"
                + " AND (:role = '' OR role = :role)";
        String text = q == null ? "" : q.trim().toLowerCase();
        Map<String, Object> params =
                Map.of("q", text, "like", "%" + text + "%", "role", role == null ? "" : role.name());
        long total = jdbc.sql("SELECT COUNT(*) FROM app_user" + where)
                .params(params)
                .query(Long.class)
                .single();
        page.checkWithin(total);
        var items = jdbc.sql("SELECT " + COLUMNS + " FROM app_user" + where
                        + " ORDER BY username LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(VIEW)
                .list();
        return new Paged<>(withBindings(items), page.page(), page.size(), total);
    }

    @Transactional(readOnly = true)
    UserView get(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE username = :u")
                .param("u", username)
                .query(VIEW)
                .optional()
                .map(v -> withBindings(java.util.List.of(v)).get(0))
                .orElseThrow(() -> new NotFoundException("user", username));
    }

    /** Creates a user; returns the password to show once (generated when the form leaves it empty). */
    @Transactional
    String create(UserForm form) {
        if (jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(username) = LOWER(:u)")
                        .param("u", form.username())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException("user.username.taken", "username", form.username());
        }
        Binding binding = resolve(form);
        boolean generated = !StringUtils.hasText(form.password());
        String password = generated ? Passwords.generate() : checked(form.password(), form.username());
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, school_id, region_id, group_id,
                               student_id, enabled, must_change_password, created_at)
                        VALUES (:username, :displayName, :hash, :role, :schoolId, :regionId, :groupId, :studentId,
                               :enabled, :mustChange, :createdAt)
                        """)
                .param("mustChange", generated) // a generated password is changed at the first sign-in
                .param("username", form.username())
                .param("displayName", form.displayName().trim())
                .param("hash", encoder.encode(password))
                .param("role", form.role().name())
                .param("schoolId", binding.schoolId())
                .param("regionId", binding.regionId())
                .param("groupId", binding.groupId())
                .param("studentId", binding.studentId())
                .param("enabled", form.enabled())
                .param("createdAt", OffsetDateTime.now(clock))
                .update();
        audit.created("user", form.username(), binding.schoolId(), get(form.username()));
        return password;
    }

    /** The version an edit form of the user is read at. */
    int version(long id) {
        return versions.of("app_user", id);
    }

    @Transactional
    void update(String username, UserForm form) {
        UserView before = get(username);
        Binding binding = resolve(form);
        Access access = access(username);
        versions.claim("app_user", before.id(), form.version(), "user", username);
        jdbc.sql("""
                        UPDATE app_user SET display_name = :displayName, role = :role, school_id = :schoolId,
                               region_id = :regionId, group_id = :groupId, student_id = :studentId, enabled = :enabled
                        WHERE username = :username
                        """)
                .param("displayName", form.displayName().trim())
                .param("role", form.role().name())
                .param("schoolId", binding.schoolId())
                .param("regionId", binding.regionId())
                .param("groupId", binding.groupId())
                .param("studentId", binding.studentId())
                .param("enabled", form.enabled())
                .param("username", username)
                .update();
        if (!access.keptBy(form, binding)) {
            revocation.endSessionsAndTokens(username);
        }
        audit.updated("user", username, binding.schoolId(), before, get(username));
    }

    /** What a user's sessions and tokens were granted on: any change but enabling ends them. */
    private record Access(Role role, Long schoolId, Long regionId, Long groupId, Long studentId, boolean enabled) {

        boolean keptBy(UserForm form, Binding b) {
            return role == form.role()
                    && (form.enabled() || !enabled)
                    && java.util.Objects.equals(schoolId, b.schoolId())
                    && java.util.Objects.equals(regionId, b.regionId())
                    && java.util.Objects.equals(groupId, b.groupId())
                    && java.util.Objects.equals(studentId, b.studentId());
        }
    }

    private Access access(String username) {
        return jdbc.sql("SELECT role, school_id, region_id, group_id, student_id, enabled FROM app_user"
                        + " WHERE username = :u")
                .param("u", username)
                .query((rs, i) -> new Access(
                        Role.valueOf(rs.getString("role")),
                        nullableLong(rs, "school_id"),
                        nullableLong(rs, "region_id"),
                        nullableLong(rs, "group_id"),
                        nullableLong(rs, "student_id"),
                        rs.getBoolean("enabled")))
                .single();
    }

    /** Sets a new generated password and returns it, to be shown once. */
    @Transactional
    String resetPassword(String username) {
        UserView user = get(username);
        String password = Passwords.generate();
        setPassword(username, password);
        jdbc.sql("UPDATE app_user SET must_change_password = TRUE WHERE username = :u")
                .param("u", username)
                .update();
        audit.record("PASSWORD_RESET", "user", username, user.schoolId(), null, null);
        return password;
    }

    /** A new password ends the user's sessions and tokens, whoever set it. */
    @Transactional
    void setPassword(String username, String password) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :u")
                .param("hash", encoder.encode(checked(password, username)))
                .param("u", username)
                .update();
        revocation.endSessionsAndTokens(username);
    }

    @Transactional(readOnly = true)
    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = :u")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The same rules as a user's own change of password (one place: {@link OwnPassword#problems}). */
    private static String checked(String password, String username) {
        var problems = OwnPassword.problems(password, username);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
        return password;
    }

    private Binding resolve(UserForm form) {
        return switch (form.role()) {
            case SCHOOL_ADMIN, STAFF -> new Binding(schoolId(form.schoolCode()), null, null, null);
            case STUDENT -> student(schoolId(form.schoolCode()), form.studentNumber());
            case BUREAU ->
                form.groupId() != null
                        ? new Binding(null, null, form.groupId(), null)
                        : new Binding(null, regionId(form.regionCode()), null, null);
            case SYSTEM_ADMIN, ENTERPRISE -> new Binding(null, null, null, null);
        };
    }

    private Long schoolId(String code) {
        if (!StringUtils.hasText(code)) {
            throw new InvalidFieldException("schoolCode", "user.binding.school.required");
        }
        return directory
                .schoolIdByCode(code.trim())
                .orElseThrow(() -> new InvalidFieldException("schoolCode", "user.binding.school.unknown"));
    }

    private Long regionId(String code) {
        if (!StringUtils.hasText(code)) {
            throw new InvalidFieldException("regionCode", "user.binding.region.required");
        }
        return directory
                .regionIdByCode(code.trim())
                .orElseThrow(() -> new InvalidFieldException("regionCode", "user.binding.region.unknown"));
    }

    private java.util.List<UserView> withBindings(java.util.List<UserView> users) {
        Set<Long> schools = new HashSet<>();
        Set<Long> regions = new HashSet<>();
        users.forEach(u -> {
            if (u.schoolId() != null) schools.add(u.schoolId());
            if (u.regionId() != null) regions.add(u.regionId());
        });
        Map<Long, String> labels = new LinkedHashMap<>(directory.schoolLabels(schools));
        Map<Long, String> regionLabels = directory.regionLabels(regions);
        return users.stream()
                .map(u -> u.withBinding(
                        u.schoolId() != null
                                ? labels.get(u.schoolId())
                                : u.regionId() != null ? regionLabels.get(u.regionId()) : ""))
                .toList();
    }

    private record Binding(Long schoolId, Long regionId, Long groupId, Long studentId) {}

    /** A student user is bound to its own record when its number is given. */
    private Binding student(long schoolId, String number) {
        if (!StringUtils.hasText(number)) {
            return new Binding(schoolId, null, null, null);
        }
        Long id = students.studentId(schoolId, number.trim())
                .orElseThrow(() -> new InvalidFieldException("studentNumber", "user.binding.student.unknown"));
        return new Binding(schoolId, null, null, id);
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static final RowMapper<CurrentUser> CURRENT = (rs, i) -> new CurrentUser(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("display_name"),
            Role.valueOf(rs.getString("role")),
            nullableLong(rs, "school_id"),
            nullableLong(rs, "region_id"),
            nullableLong(rs, "group_id"),
            nullableLong(rs, "enterprise_id"),
            nullableLong(rs, "student_id"));

    private static final RowMapper<CraftlineUser> PRINCIPAL = (rs, i) -> new CraftlineUser(
            CURRENT.mapRow(rs, i),
            rs.getString("password_hash"),
            rs.getBoolean("enabled"),
            false,
            rs.getInt("session_epoch"));

    private static final RowMapper<UserView> VIEW = (rs, i) -> new UserView(
            rs.getLong("id"),
            rs.getString("username"),
            rs.getString("display_name"),
            Role.valueOf(rs.getString("role")),
            nullableLong(rs, "school_id"),
            nullableLong(rs, "region_id"),
            rs.getBoolean("enabled"),
            rs.getObject("created_at", OffsetDateTime.class),
            "");
}
