package org.craftline.reports.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.craftline.indicators.IndicatorScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The records a report states besides the indicators: who the school is, its honours, its group
 * roles, its funded projects and what was bought with them, its facilities and partners. Read-only
 * SQL; callers pass schools already resolved (and checked) by {@code Indicators.resolve}.
 */
@Component
public class SchoolFacts {

    private final JdbcClient jdbc;

    SchoolFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record School(
            long id,
            String code,
            String name,
            String nameEn,
            int foundedYear,
            String regionName,
            String regionNameEn,
            String provinceCode,
            String provinceName,
            String provinceNameEn) {

        public String name(boolean english) {
            return english && nameEn != null ? nameEn : name;
        }
    }

    public record Honour(String title, String awardingBody, String level, int fromYear, Integer toYear) {}

    public record GroupRole(String group, String groupEn, String level, String role) {

        public String group(boolean english) {
            return english && groupEn != null ? groupEn : group;
        }
    }

    public record Project(String name, String fundingSource, String level, int awardYear, BigDecimal awarded) {}

    public record CategoryFunds(String category, BigDecimal planned, BigDecimal spent, boolean capacityBuilding) {}

    public record Basics(
            long enrolled, long majors, long fullTimeTeachers, long workshops, BigDecimal area, long stations) {}

    public record Cooperation(String type, long partners) {}

    public String code(long schoolId) {
        return jdbc.sql("SELECT code FROM school WHERE id = :id")
                .param("id", schoolId)
                .query(String.class)
                .single();
    }

    public School school(long schoolId) {
        return jdbc.sql("""
                        SELECT s.id, s.code, s.name, s.name_en, s.founded_year, r.name AS region_name,
                               r.name_en AS region_name_en, p.code AS province_code, p.name AS province_name,
                               p.name_en AS province_name_en
                        FROM school s JOIN region r ON r.id = s.region_id
                        LEFT JOIN region p ON p.level = 'PROVINCE' AND r.path LIKE p.path || '%'
                        WHERE s.id = :id
                        """).param("id", schoolId).query(School.class).single();
    }

    /** The schools of the school's province, for its rank there (the school alone when it has none). */
    public Set<Long> schoolsOfProvince(School school) {
        if (school.provinceCode() == null) {
            return Set.of(school.id());
        }
        return Set.copyOf(jdbc.sql("""
                        SELECT s.id FROM school s JOIN region r ON r.id = s.region_id
                        WHERE r.path LIKE (SELECT p.path FROM region p WHERE p.code = :province) || '%'
                        """)
                .param("province", school.provinceCode())
                .query(Long.class)
                .list());
    }

    /** Honours of the school itself (not of its people), the highest and most recent first. */
    public List<Honour> honours(long schoolId) {
        return jdbc.sql("""
                        SELECT h.title, h.awarding_body, h.honour_level AS level, h.from_year, h.to_year FROM honour h
                        WHERE h.school_id = :id AND h.student_id IS NULL AND h.staff_id IS NULL
                        ORDER BY CASE h.honour_level WHEN 'NATIONAL' THEN 0 WHEN 'PROVINCIAL' THEN 1
                                 WHEN 'MUNICIPAL' THEN 2 ELSE 3 END, h.from_year DESC, h.title
                        """).param("id", schoolId).query(Honour.class).list();
    }

    /** Honours of the school's teachers and graduates, counted. */
    public long personalHonours(long schoolId) {
        return jdbc.sql("SELECT COUNT(*) FROM honour h WHERE h.school_id = :id"
                        + " AND (h.student_id IS NOT NULL OR h.staff_id IS NOT NULL)")
                .param("id", schoolId)
                .query(Long.class)
                .single();
    }

    public List<GroupRole> groupRoles(long schoolId) {
        return jdbc.sql("""
                        SELECT g.name AS group_name, g.name_en AS group_en, g.level, m.role
                        FROM edu_group_member m JOIN edu_group g ON g.id = m.group_id
                        WHERE m.school_id = :id
                        ORDER BY CASE m.role WHEN 'DIRECTOR' THEN 0 WHEN 'LEAD' THEN 1 WHEN 'VICE_DIRECTOR' THEN 2
                                 ELSE 3 END, g.name
                        """)
                .param("id", schoolId)
                .query((rs, i) -> new GroupRole(
                        rs.getString("group_name"),
                        rs.getString("group_en"),
                        rs.getString("level"),
                        rs.getString("role")))
                .list();
    }

    public List<Project> projects(long schoolId) {
        return jdbc.sql("""
                        SELECT p.name, p.funding_source, p.project_level AS level, p.award_year,
                               p.amount_awarded AS awarded
                        FROM funded_project p WHERE p.school_id = :id ORDER BY p.award_year, p.name
                        """).param("id", schoolId).query(Project.class).list();
    }

    /**
     * Planned and spent per budget category over the schools' funded projects (reversals net out);
     * a category with lines of both kinds is two rows, capacity building first.
     */
    public List<CategoryFunds> fundsByCategory(IndicatorScope scope) {
        return jdbc.sql("""
                        SELECT l.category, SUM(l.planned_amount) AS planned,
                               SUM((SELECT COALESCE(SUM(e.amount), 0) FROM expenditure e WHERE e.line_id = l.id))
                                 AS spent,
                               l.capacity_building
                        FROM budget_line l WHERE %s
                        GROUP BY l.category, l.capacity_building ORDER BY l.category, l.capacity_building DESC
                        """.formatted(scope.schools("l.school_id")))
                .params(scope.params())
                .query(CategoryFunds.class)
                .list();
    }

    public Basics basics(long schoolId) {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM student s WHERE s.school_id = :id AND s.status = 'ENROLLED')
                                 AS enrolled,
                               (SELECT COUNT(*) FROM school_major m WHERE m.school_id = :id) AS majors,
                               (SELECT COUNT(*) FROM staff t WHERE t.school_id = :id AND t.category = 'TEACHER'
                                  AND t.full_time = TRUE)
                                 AS full_time_teachers,
                               (SELECT COUNT(*) FROM workshop w WHERE w.school_id = :id) AS workshops,
                               (SELECT COALESCE(SUM(w.area), 0) FROM workshop w WHERE w.school_id = :id) AS area,
                               (SELECT COALESCE(SUM(w.stations), 0) FROM workshop w WHERE w.school_id = :id) AS stations
                        """).param("id", schoolId).query(Basics.class).single();
    }

    /** Partners of each cooperation type in force at some time in the year, and all partners. */
    public List<Cooperation> cooperations(long schoolId, int year) {
        return inForce(
                        "SELECT c.type, COUNT(DISTINCT c.enterprise_id) AS partners",
                        "GROUP BY c.type ORDER BY c.type",
                        schoolId,
                        year)
                .query(Cooperation.class)
                .list();
    }

    /** The distinct partners of the year (one enterprise may cooperate in several ways). */
    public long partners(long schoolId, int year) {
        return inForce("SELECT COUNT(DISTINCT c.enterprise_id)", "", schoolId, year)
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec inForce(String select, String rest, long schoolId, int year) {
        return jdbc.sql(select + " FROM cooperation c WHERE c.school_id = :id AND c.starts_on <= :last"
                        + " AND (c.ends_on IS NULL OR c.ends_on >= :first) " + rest)
                .param("id", schoolId)
                .param("first", LocalDate.of(year, 1, 1))
                .param("last", LocalDate.of(year, 12, 31));
    }

    /** Graduates of the year by destination kind at the follow-up point (further study is one kind). */
    public List<KindCount> destinations(IndicatorScope scope) {
        return jdbc.sql("""
                        SELECT d.kind, COUNT(*) AS n FROM destination d
                        WHERE %s AND d.graduation_year = :year AND d.follow_up = :point
                        GROUP BY d.kind ORDER BY d.kind
                        """.formatted(scope.schools("d.school_id")))
                .params(scope.params())
                .query(KindCount.class)
                .list();
    }

    public record KindCount(String kind, long n) {}

    /** Graduates of the scope's year: the denominator of its employment rate and of the further-study share. */
    public long graduates(IndicatorScope scope) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM student s
                        WHERE %s AND s.status = 'GRADUATED' AND s.graduation_year = :year
                        """.formatted(scope.schools("s.school_id")))
                .params(scope.params())
                .query(Long.class)
                .single();
    }

    /** The years a school had graduates, latest first (a report's year picker). */
    public List<Integer> graduationYears(long schoolId) {
        return jdbc.sql("""
                        SELECT DISTINCT s.graduation_year FROM student s
                        WHERE s.school_id = :id AND s.graduation_year IS NOT NULL ORDER BY s.graduation_year DESC
                        """).param("id", schoolId).query(Integer.class).list();
    }

    public record SchoolOption(long id, String code, String name, String nameEn) {

        public String name(boolean english) {
            return english && nameEn != null ? nameEn : name;
        }
    }

    /** Code and names of the given schools (already scoped by the caller), by code. */
    public List<SchoolOption> schoolOptions(Set<Long> schoolIds) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT s.id, s.code, s.name, s.name_en FROM school s WHERE s.id IN (:ids) ORDER BY s.code")
                .param("ids", schoolIds)
                .query(SchoolOption.class)
                .list();
    }
}
