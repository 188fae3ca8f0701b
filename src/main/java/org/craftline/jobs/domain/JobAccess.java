package org.craftline.jobs.domain;

import java.util.Map;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who reaches which postings and applications. Postings are the cluster's: school users and the
 * bureau read them all, an enterprise user its own unit's, a student the open ones its school has
 * not hidden. Applications: the school's of its students, the unit's to its postings, the
 * student's own.
 */
@Component
public class JobAccess {

    private final Tenancy tenancy;
    private final JdbcClient jdbc;

    JobAccess(Tenancy tenancy, JdbcClient jdbc) {
        this.tenancy = tenancy;
        this.jdbc = jdbc;
    }

    /** A condition and its parameters. */
    public record Reach(String sql, Map<String, Object> params) {

        static Reach none() {
            return new Reach("1 = 0", Map.of());
        }
    }

    public CurrentUser user() {
        return tenancy.currentUser();
    }

    /** The postings (alias {@code p}) the user reads. */
    public Reach postings() {
        CurrentUser u = user();
        return switch (u.role()) {
            case ENTERPRISE ->
                u.enterpriseId() == null
                        ? Reach.none()
                        : new Reach("p.enterprise_id = :reachUnit", Map.of("reachUnit", u.enterpriseId()));
            case STUDENT ->
                u.schoolId() == null
                        ? Reach.none()
                        : new Reach(
                                "p.closed = FALSE AND NOT EXISTS (SELECT 1 FROM posting_hidden h WHERE"
                                        + " h.posting_id = p.id AND h.school_id = :reachSchool)",
                                Map.of("reachSchool", u.schoolId()));
            default -> new Reach("1 = 1", Map.of());
        };
    }

    /** The applications (alias {@code a}, its posting {@code p}) the user reads. */
    public Reach applications() {
        CurrentUser u = user();
        return switch (u.role()) {
            case ENTERPRISE ->
                u.enterpriseId() == null
                        ? Reach.none()
                        : new Reach("p.enterprise_id = :reachUnit", Map.of("reachUnit", u.enterpriseId()));
            case STUDENT ->
                u.studentId() == null
                        ? Reach.none()
                        : new Reach("a.student_id = :reachStudent", Map.of("reachStudent", u.studentId()));
            default -> {
                Scope scope = tenancy.scope();
                yield new Reach(scope.sql("a.school_id"), scope.params());
            }
        };
    }

    public boolean isSchoolSide() {
        Role role = user().role();
        return role == Role.SYSTEM_ADMIN || role == Role.SCHOOL_ADMIN || role == Role.STAFF;
    }

    /**
     * Refuses a change to a unit's postings and applicants by anyone but the unit's own users, or
     * the school that published the posting for a unit without an account.
     */
    public void checkUnitWrite(long enterpriseId, Long publishingSchool) {
        CurrentUser u = user();
        if (u.role() == Role.ENTERPRISE && u.enterpriseId() != null && u.enterpriseId() == enterpriseId) {
            return;
        }
        if (isSchoolSide() && publishingSchool != null && tenancy.scope().canWrite(publishingSchool)) {
            return;
        }
        throw new AccessDeniedException("the unit's postings are kept by the unit");
    }

    /** Whether a unit has an enabled account of its own (then it publishes its postings itself). */
    public boolean hasAccount(long enterpriseId) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE enterprise_id = :e AND enabled = TRUE")
                        .param("e", enterpriseId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The school the signed-in school user writes for (its own, or the operator's choice). */
    public long schoolToWrite(Long chosen) {
        Long school = chosen != null ? chosen : user().schoolId();
        if (!isSchoolSide() || school == null) {
            throw new AccessDeniedException("postings for a unit without an account are published by its school");
        }
        tenancy.scope().checkWrite(school);
        return school;
    }
}
