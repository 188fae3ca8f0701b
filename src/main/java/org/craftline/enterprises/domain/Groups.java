package org.craftline.enterprises.domain;

import java.util.List;
import java.util.Set;
import org.craftline.platform.GroupDirectory;
import org.craftline.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Vocational education groups and their member units (schools, enterprises, associations). */
@Service
public class Groups implements GroupDirectory {

    private final JdbcClient jdbc;

    Groups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record GroupView(long id, String name, String nameEn, String level, int foundedYear, int members) {}

    public record MemberView(String kind, String code, String name, String role) {}

    @Transactional(readOnly = true)
    public List<GroupView> list() {
        return jdbc.sql("""
                        SELECT g.id, g.name, g.name_en, g.level, g.founded_year,
                               (SELECT COUNT(*) FROM edu_group_member m WHERE m.group_id = g.id) AS members
                        FROM edu_group g ORDER BY g.level, g.name
                        """).query(GroupView.class).list();
    }

    @Transactional(readOnly = true)
    public GroupView get(long id) {
        return list().stream()
                .filter(g -> g.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("group", String.valueOf(id)));
    }

    /** Members, the leading roles first. */
    @Transactional(readOnly = true)
    public List<MemberView> members(long groupId) {
        return jdbc.sql("""
                        SELECT CASE WHEN m.school_id IS NOT NULL THEN 'SCHOOL'
                                    WHEN m.enterprise_id IS NOT NULL THEN 'ENTERPRISE' ELSE 'ASSOCIATION' END AS kind,
                               COALESCE(s.code, e.credit_code, '') AS code,
                               COALESCE(s.name, e.name, m.association) AS name, m.role
                        FROM edu_group_member m
                        LEFT JOIN school s ON s.id = m.school_id
                        LEFT JOIN enterprise e ON e.id = m.enterprise_id
                        WHERE m.group_id = :g
                        ORDER BY CASE m.role WHEN 'DIRECTOR' THEN 0 WHEN 'LEAD' THEN 1 WHEN 'VICE_DIRECTOR' THEN 2 ELSE 3 END, m.id
                        """).param("g", groupId).query(MemberView.class).list();
    }

    /** The roles a school holds in groups, e.g. director unit of a provincial group. */
    @Transactional(readOnly = true)
    public List<MemberView> rolesOf(long schoolId) {
        return jdbc.sql("""
                        SELECT 'GROUP' AS kind, CAST(g.id AS VARCHAR(20)) AS code, g.name, m.role
                        FROM edu_group_member m JOIN edu_group g ON g.id = m.group_id
                        WHERE m.school_id = :s ORDER BY g.level, g.name
                        """).param("s", schoolId).query(MemberView.class).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> schoolsInGroup(long groupId) {
        return Set.copyOf(
                jdbc.sql("SELECT school_id FROM edu_group_member WHERE group_id = :g AND school_id IS NOT NULL")
                        .param("g", groupId)
                        .query(Long.class)
                        .list());
    }
}
