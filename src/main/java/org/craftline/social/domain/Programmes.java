package org.craftline.social.domain;

import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.TextSearch;
import org.craftline.shared.Where;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** The social training programmes of the schools in scope; a name is unique within a school. */
@Service
public class Programmes {

    static final String SELECT = "p.id, sc.code AS school_code, sc.name AS school_name, p.name, p.kind, p.occupation,"
            + " p.hours, p.funding_source, (SELECT COUNT(*) FROM cohort c WHERE c.programme_id = p.id) AS cohorts, p.version";
    static final String FROM = "programme p JOIN school sc ON sc.id = p.school_id";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;

    private final EditVersions versions;

    Programmes(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.versions = versions;
    }

    public record Filter(ProgrammeKind kind, String q) {}

    @Transactional(readOnly = true)
    public Paged<ProgrammeView> list(Filter f, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where = Where.of(scope.sql("p.school_id"), scope.params())
                .and(
                        "p.kind = :kind",
                        "kind",
                        f.kind() == null ? null : f.kind().name());
        TextSearch.apply(
                where,
                "q",
                f.q(),
                SqlVendor.postgres(jdbc),
                "programme",
                "p",
                TextSearch.Source.own(null, "name", "occupation"));
        return SqlPages.fetch(jdbc, SELECT, FROM, where, "sc.code, p.name", page, ProgrammeView.class);
    }

    @Transactional(readOnly = true)
    public ProgrammeView get(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE p.id = :id AND " + scope.sql("p.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(ProgrammeView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("programme", String.valueOf(id)));
    }

    @Transactional
    public ProgrammeView create(ProgrammeForm form) {
        long schoolId = tenancy.administeredSchool(form.schoolCode());
        var keys = new GeneratedKeyHolder();
        unique(() -> bind(form, jdbc.sql("""
                        INSERT INTO programme (school_id, name, kind, occupation, hours, funding_source)
                        VALUES (:school, :name, :kind, :occupation, :hours, :funding)
                        """).param("school", schoolId)).update(keys, "id"));
        ProgrammeView created = get(keys.getKeyAs(Long.class));
        audit.created("programme", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    @Transactional
    public ProgrammeView update(long id, ProgrammeForm form) {
        ProgrammeView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        versions.claim("programme", id, form.version(), "programme", String.valueOf(id));
        unique(() -> bind(form, jdbc.sql("""
                        UPDATE programme SET name = :name, kind = :kind, occupation = :occupation, hours = :hours,
                               funding_source = :funding
                        WHERE id = :id
                        """).param("id", id)).update());
        ProgrammeView after = get(id);
        audit.updated("programme", String.valueOf(id), schoolId, before, after);
        return after;
    }

    private static JdbcClient.StatementSpec bind(ProgrammeForm f, JdbcClient.StatementSpec sql) {
        return sql.param("name", f.name().strip())
                .param("kind", f.kind().name())
                .param("occupation", f.occupation().strip())
                .param("hours", f.hours())
                .param(
                        "funding",
                        StringUtils.hasText(f.fundingSource())
                                ? f.fundingSource().strip()
                                : null);
    }

    private static void unique(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("programme.name.taken", "name", "programme name already used");
        }
    }

    long schoolIdOf(long id) {
        return jdbc.sql("SELECT school_id FROM programme WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
