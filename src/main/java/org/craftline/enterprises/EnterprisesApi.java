package org.craftline.enterprises;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about enterprises: the registry is shared, so no scope applies. */
@Service
public class EnterprisesApi {

    private final JdbcClient jdbc;

    EnterprisesApi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An enterprise as other modules refer to it: its industry and the county it is registered in. */
    public record EnterpriseRef(long id, String creditCode, String name, Industry industry, long regionId) {}

    @Transactional(readOnly = true)
    public Optional<EnterpriseRef> byId(long id) {
        return jdbc.sql("SELECT id, credit_code, name, industry, region_id FROM enterprise WHERE id = :id")
                .param("id", id)
                .query(EnterpriseRef.class)
                .optional();
    }

    /** The enterprises registered in a region and its sub-regions, by id. */
    @Transactional(readOnly = true)
    public List<EnterpriseRef> inRegion(String regionCode) {
        return jdbc.sql("SELECT e.id, e.credit_code, e.name, e.industry, e.region_id FROM enterprise e JOIN region r"
                        + " ON r.id = e.region_id WHERE r.path LIKE (SELECT path FROM region WHERE code = :c) || '%'"
                        + " ORDER BY e.id")
                .param("c", regionCode)
                .query(EnterpriseRef.class)
                .list();
    }

    /** The whole registry, for validating many rows at once. */
    @Transactional(readOnly = true)
    public List<EnterpriseRef> all() {
        return jdbc.sql("SELECT id, credit_code, name, industry, region_id FROM enterprise")
                .query(EnterpriseRef.class)
                .list();
    }

    /** The registry's units by credit code (units without one cannot be named in a sheet), for an import. */
    @Transactional(readOnly = true)
    public java.util.Map<String, Long> idsByCreditCode() {
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        all().stream().filter(e -> e.creditCode() != null).forEach(e -> ids.put(e.creditCode(), e.id()));
        return ids;
    }

    /** Registry units whose name or credit code begins with the text, for a picker; at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<EnterpriseRef> suggest(String text, int limit) {
        String prefix = text == null ? "" : text.strip().replace("%", "").replace("_", "");
        if (prefix.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, credit_code, name, industry, region_id FROM enterprise"
                        + " WHERE name LIKE :p OR credit_code LIKE :p ORDER BY name, id FETCH FIRST " + limit
                        + " ROWS ONLY")
                .param("p", prefix + "%")
                .query(EnterpriseRef.class)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<EnterpriseRef> byCreditCode(String code) {
        return jdbc.sql("SELECT id, credit_code, name, industry, region_id FROM enterprise WHERE credit_code = :c")
                .param("c", code)
                .query(EnterpriseRef.class)
                .optional();
    }

    /** A school's cooperation agreement with a registry unit, as other modules start from it. */
    public record CooperationRef(
            long id,
            long enterpriseId,
            String enterpriseName,
            String type,
            java.time.LocalDate startsOn,
            java.time.LocalDate endsOn) {}

    /** The school's cooperation agreements, the latest first; the caller has checked its right to the school. */
    @Transactional(readOnly = true)
    public List<CooperationRef> cooperations(long schoolId) {
        return jdbc.sql("SELECT c.id, c.enterprise_id, e.name AS enterprise_name, c.type, c.starts_on, c.ends_on"
                        + " FROM cooperation c JOIN enterprise e ON e.id = c.enterprise_id WHERE c.school_id = :s"
                        + " ORDER BY c.starts_on DESC, c.id DESC")
                .param("s", schoolId)
                .query(CooperationRef.class)
                .list();
    }

    /** One of the school's cooperation agreements; empty when it is another school's or none. */
    @Transactional(readOnly = true)
    public Optional<CooperationRef> cooperation(long schoolId, long id) {
        return jdbc.sql("SELECT c.id, c.enterprise_id, e.name AS enterprise_name, c.type, c.starts_on, c.ends_on"
                        + " FROM cooperation c JOIN enterprise e ON e.id = c.enterprise_id"
                        + " WHERE c.school_id = :s AND c.id = :id")
                .param("s", schoolId)
                .param("id", id)
                .query(CooperationRef.class)
                .optional();
    }
}
