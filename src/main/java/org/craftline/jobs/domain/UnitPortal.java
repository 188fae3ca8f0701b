package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An enterprise user's home: its unit, its postings and applicants waiting, its interns, the alumni
 * working there at their latest known point, its agreements with schools. Alumni, interns and
 * agreements are those of the school that made the account (all schools' for an operator-made one);
 * no ID number or phone is shown.
 */
@Service
public class UnitPortal {

    static final int LIST = 50;

    private final JdbcClient jdbc;
    private final JobAccess access;
    private final Clock clock;

    UnitPortal(JdbcClient jdbc, JobAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    public record Unit(long id, String name, String creditCode, String industry, String town, Integer staffCount) {}

    public record Counts(long openPostings, long waitingApplications, long interns, long alumni) {}

    public record Alumnus(String name, String majorName, Integer graduationYear, String position) {}

    public record Agreement(String schoolName, String type, LocalDate startsOn, LocalDate endsOn) {}

    public record Portal(Unit unit, Counts counts, List<Alumnus> alumni, List<Agreement> agreements) {}

    @Transactional(readOnly = true)
    public Portal mine() {
        CurrentUser user = access.user();
        if (user.role() != Role.ENTERPRISE || user.enterpriseId() == null) {
            throw new AccessDeniedException("the portal is an enterprise user's, bound to its unit");
        }
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("unit", user.enterpriseId());
        p.put("school", user.schoolId() == null ? -1L : user.schoolId());
        p.put("anySchool", user.schoolId() == null);
        p.put("today", LocalDate.now(clock));
        String ofSchool = " AND (:anySchool = TRUE OR %s = :school)";
        Unit unit = jdbc.sql(
                        "SELECT id, name, credit_code, industry, town, staff_count FROM enterprise WHERE id = :unit")
                .params(p)
                .query(Unit.class)
                .single();
        Counts counts = new Counts(
                count(
                        "SELECT COUNT(*) FROM posting WHERE enterprise_id = :unit AND closed = FALSE AND deadline >= :today",
                        p),
                count(
                        "SELECT COUNT(*) FROM job_application a JOIN posting po ON po.id = a.posting_id"
                                + " WHERE po.enterprise_id = :unit AND a.stage IN ('APPLIED', 'SHORTLISTED', 'INTERVIEWED', 'OFFERED')",
                        p),
                count(
                        "SELECT COUNT(*) FROM internship i WHERE i.enterprise_id = :unit AND i.status = 'IN_PROGRESS'"
                                + ofSchool.formatted("i.school_id"),
                        p),
                count(
                        "SELECT COUNT(*) FROM destination d WHERE d.enterprise_id = :unit AND d.latest = TRUE"
                                + " AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')" + ofSchool.formatted("d.school_id"),
                        p));
        List<Alumnus> alumni = jdbc.sql("SELECT s.name, m.name AS major_name, d.graduation_year, d.position"
                        + " FROM destination d JOIN student s ON s.id = d.student_id JOIN major m ON m.id = s.major_id"
                        + " WHERE d.enterprise_id = :unit AND d.latest = TRUE AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED')"
                        + ofSchool.formatted("d.school_id")
                        + " ORDER BY d.graduation_year DESC, s.id FETCH FIRST " + LIST + " ROWS ONLY")
                .params(p)
                .query(Alumnus.class)
                .list();
        List<Agreement> agreements = jdbc.sql("SELECT sc.name AS school_name, c.type, c.starts_on, c.ends_on"
                        + " FROM cooperation c JOIN school sc ON sc.id = c.school_id WHERE c.enterprise_id = :unit"
                        + ofSchool.formatted("c.school_id")
                        + " ORDER BY c.starts_on DESC, c.id DESC FETCH FIRST " + LIST + " ROWS ONLY")
                .params(p)
                .query(Agreement.class)
                .list();
        return new Portal(unit, counts, alumni, agreements);
    }

    private long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
