package org.craftline.organisation.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.craftline.platform.TenantDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the platform which schools lie in a region, for the bureau's scope. */
@Component
class Directory implements TenantDirectory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<Long> schoolsInRegion(long regionId) {
        return Set.copyOf(jdbc.sql("""
                        SELECT s.id FROM school s JOIN region r ON r.id = s.region_id
                        WHERE r.path LIKE (SELECT path FROM region WHERE id = :id) || '%'
                        """).param("id", regionId).query(Long.class).list());
    }

    @Override
    public Optional<Long> schoolIdByCode(String schoolCode) {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", schoolCode)
                .query(Long.class)
                .optional();
    }

    @Override
    public Optional<Long> regionIdByCode(String regionCode) {
        return jdbc.sql("SELECT id FROM region WHERE code = :c")
                .param("c", regionCode)
                .query(Long.class)
                .optional();
    }

    @Override
    public Map<Long, String> schoolLabels(Collection<Long> schoolIds) {
        return labels("school", schoolIds);
    }

    @Override
    public Map<Long, String> regionLabels(Collection<Long> regionIds) {
        return labels("region", regionIds);
    }

    private Map<Long, String> labels(String table, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT id, code, name FROM " + table + " WHERE id IN (:ids)")
                .param("ids", ids)
                .query((rs, i) -> Map.entry(rs.getLong("id"), rs.getString("code") + " " + rs.getString("name")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
