package org.craftline.enterprises.domain;

import java.util.List;
import java.util.Map;
import org.craftline.enterprises.Industry;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.CreditCodes;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.TextSearch;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The enterprise registry, shared by all schools: anyone signed in reads it, a school user proposes
 * a new enterprise, the operator corrects one. A credit code is registered once.
 */
@Service
public class Enterprises {

    static final String SELECT =
            "e.id, e.credit_code, e.name, e.industry, r.code AS region_code, r.name AS region_name,"
                    + " e.town, e.size_band, e.contact, e.staff_count, e.version";
    static final String FROM = "enterprise e JOIN region r ON r.id = e.region_id";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;

    Enterprises(JdbcClient jdbc, Tenancy tenancy, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    public record Filter(String q, Industry industry, String regionCode, String town) {}

    @Transactional(readOnly = true)
    public Paged<EnterpriseView> list(Filter f, PageQuery page) {
        Where where = Where.of("1 = 1", Map.of())
                .and(
                        "e.industry = :industry",
                        "industry",
                        f.industry() == null ? null : f.industry().name())
                .and("r.path LIKE (SELECT path FROM region WHERE code = :region) || '%'", "region", f.regionCode())
                .and("e.town = :town", "town", f.town());
        boolean postgres = SqlVendor.postgres(jdbc);
        List<String> order = List.of(TextSearch.byteOrder("e.name", postgres), "e.id");
        TextSearch.apply(where, "q", f.q(), postgres, "enterprise", "e", TextSearch.Source.own("credit_code", "name"));
        return SqlPages.fetch(
                jdbc,
                SELECT,
                FROM,
                where,
                page,
                Keyset.of(order, false, "e.id", EnterpriseView::id, page),
                EnterpriseView.class);
    }

    @Transactional(readOnly = true)
    public EnterpriseView get(long id) {
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE e.id = :id")
                .param("id", id)
                .query(EnterpriseView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("enterprise", String.valueOf(id)));
    }

    /** Alumni of the user's schools employed there now, or running it as self-employed (latest destination). */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> alumni(long enterpriseId) {
        var scope = tenancy.scope();
        return jdbc.sql("SELECT s.student_number, s.name, s.graduation_year, d.position, sc.name AS school_name"
                        + " FROM destination d JOIN student s ON s.id = d.student_id JOIN school sc ON sc.id = d.school_id"
                        + " WHERE d.enterprise_id = :e AND d.latest = TRUE AND d.kind IN ('EMPLOYED', 'SELF_EMPLOYED') AND "
                        + scope.sql("d.school_id") + " ORDER BY s.graduation_year DESC, s.student_number"
                        + " FETCH FIRST 200 ROWS ONLY")
                .params(scope.params())
                .param("e", enterpriseId)
                .query()
                .listOfRows();
    }

    /** Registers an enterprise proposed by a school user or the operator. */
    @Transactional
    public EnterpriseView propose(EnterpriseForm form) {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.SCHOOL_ADMIN && user.role() != Role.STAFF) {
            throw new AccessDeniedException("enterprises are proposed by school users");
        }
        String code = creditCode(form.creditCode());
        if (code != null) {
            jdbc.sql("SELECT id FROM enterprise WHERE credit_code = :c")
                    .param("c", code)
                    .query(Long.class)
                    .optional()
                    .ifPresent(existing -> {
                        throw new ConflictException(
                                "enterprise.creditCode.taken", "creditCode", "/enterprises/" + existing);
                    });
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO enterprise (credit_code, name, industry, region_id, town, size_band, contact, staff_count,
                          proposed_by_school_id)
                        VALUES (:code, :name, :industry, :region, :town, :size, :contact, :staff, :school)
                        """)
                .param("code", code)
                .param("name", form.name().trim())
                .param("industry", form.industry().name())
                .param("region", regionId(form.regionCode()))
                .param("town", blank(form.town()))
                .param("size", form.sizeBand().name())
                .param("contact", blank(form.contact()))
                .param("staff", form.staffCount())
                .param("school", user.schoolId())
                .update(keys, "id");
        EnterpriseView created = get(keys.getKeyAs(Long.class));
        audit.created("enterprise", String.valueOf(created.id()), user.schoolId(), created);
        return created;
    }

    private static String creditCode(String raw) {
        String code = CreditCodes.normalise(raw);
        if (!StringUtils.hasText(code)) {
            return null;
        }
        CreditCodes.problem(code).ifPresent(key -> {
            throw new InvalidFieldException("creditCode", key);
        });
        return code;
    }

    private long regionId(String code) {
        return jdbc.sql("SELECT id FROM region WHERE code = :c")
                .param("c", code.trim())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidFieldException("regionCode", "region.unknown"));
    }

    private static String blank(String s) {
        return StringUtils.hasText(s) ? s.trim() : null;
    }
}
