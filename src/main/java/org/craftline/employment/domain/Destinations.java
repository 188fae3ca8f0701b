package org.craftline.employment.domain;

import java.util.List;
import java.util.Map;
import org.craftline.employment.MatchRule;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.enterprises.EnterprisesApi.EnterpriseRef;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Destinations of graduates at follow-up points. Local and matched employment are set by rule
 * (the employer's county, the major against the employer's industry) for the employed and the
 * self-employed alike, whose own registry unit is their employer; the school may override the
 * match with a reason. The most advanced point of each graduate is flagged {@code latest}.
 */
@Service
public class Destinations {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final EnterprisesApi enterprises;
    private final AuditLog audit;
    private final EditVersions versions;

    Destinations(JdbcClient jdbc, Tenancy tenancy, EnterprisesApi enterprises, AuditLog audit, EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.enterprises = enterprises;
        this.audit = audit;
        this.versions = versions;
    }

    /** A graduate as the rules need it. */
    record Graduate(
            long id, long schoolId, long schoolRegionId, String majorCode, Integer graduationYear, String status) {}

    @Transactional(readOnly = true)
    public List<DestinationView> timeline(long studentId) {
        graduate(studentId);
        return rows(studentId);
    }

    /** The timeline without a scope check, for callers that checked who asks (the graduate itself). */
    List<DestinationView> rows(long studentId) {
        return jdbc.sql("""
                        SELECT d.follow_up, d.recorded_on, d.kind, d.enterprise_id, COALESCE(e.name, d.employer_name) AS employer,
                               d.position, d.local_job, d.matched, d.matched_reason, d.source, d.confirmed, d.latest,
                               d.channel, d.sector, d.pay_band, d.contract, d.insured, d.abroad, d.version
                        FROM destination d LEFT JOIN enterprise e ON e.id = d.enterprise_id
                        WHERE d.student_id = :s ORDER BY d.follow_up_rank
                        """).param("s", studentId).query(DestinationView.class).list();
    }

    @Transactional
    public DestinationView record(long studentId, DestinationForm form) {
        return record(studentId, form, "SCHOOL");
    }

    /** Records the destination as the school's own ({@code SCHOOL}) or as a graduate's report it confirmed. */
    @Transactional
    DestinationView record(long studentId, DestinationForm form, String source) {
        Graduate g = graduate(studentId);
        tenancy.checkAdministratorWrite(g.schoolId());
        if (g.graduationYear() == null) {
            throw new InvalidFieldException("followUp", "destination.notGraduated");
        }
        EnterpriseRef employer = employer(form);
        // local and matched employment are counted among the directly employed (self-employed included)
        boolean local = form.kind().directlyEmployed()
                && (employer != null ? employer.regionId() == g.schoolRegionId() : Boolean.TRUE.equals(form.local()));
        boolean matched = matched(form, g, employer);
        EmploymentTerms terms = terms(studentId, form, employer);
        if (terms.abroad() && local) {
            throw new InvalidFieldException("terms.abroad", "destination.terms.abroadLocal");
        }
        Map<String, Object> before = jdbc
                .sql("SELECT kind, enterprise_id, employer_name, position, matched FROM destination"
                        + " WHERE student_id = :s AND follow_up = :p")
                .param("s", studentId)
                .param("p", form.followUp().name())
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
        int version = claim(studentId, form.followUp(), form.version());
        jdbc.sql("DELETE FROM destination WHERE student_id = :s AND follow_up = :p")
                .param("s", studentId)
                .param("p", form.followUp().name())
                .update();
        jdbc.sql("""
                        INSERT INTO destination (student_id, school_id, graduation_year, follow_up, follow_up_rank, recorded_on,
                               kind, enterprise_id, employer_name, position, local_job, matched, matched_reason, source,
                               confirmed, latest, version, channel, sector, pay_band, contract, insured, abroad)
                        VALUES (:s, :school, :year, :point, :rank, :on, :kind, :enterprise, :employer, :position, :local,
                               :matched, :reason, :source, TRUE, FALSE, :version, :channel, :sector, :payBand,
                               :contract, :insured, :abroad)
                        """)
                .params(termParams(terms))
                .param("s", studentId)
                .param("source", source)
                .param("school", g.schoolId())
                .param("year", g.graduationYear())
                .param("point", form.followUp().name())
                .param("rank", form.followUp().rank())
                .param("on", form.recordedOn())
                .param("kind", form.kind().name())
                .param("enterprise", employer == null ? null : employer.id())
                .param("employer", employer == null ? blank(form.employerName()) : null)
                .param("position", blank(form.position()))
                .param("local", local)
                .param("matched", matched)
                .param("version", version)
                .param(
                        "reason",
                        form.matchedOverride() == null
                                ? null
                                : form.matchedReason().trim())
                .update();
        refreshLatest(studentId);
        DestinationView after = timeline(studentId).stream()
                .filter(d -> d.followUp().equals(form.followUp().name()))
                .findFirst()
                .orElseThrow();
        audit.updated("destination", studentId + "/" + form.followUp(), g.schoolId(), before, after);
        return after;
    }

    /**
     * Checks that the graduate's destination at the point is still at the version the change was made
     * from (0: none recorded) and raises it; answers the version the destination has now.
     */
    int claim(long studentId, FollowUp point, Integer seen) {
        return versions.claimWhere(
                "destination",
                "student_id = :s AND follow_up = :p",
                Map.of("s", studentId, "p", point.name()),
                seen,
                "destination",
                studentId + "/" + point);
    }

    /** The terms the form gives, or those recorded at the point when it gives none; checked against the kind and unit. */
    private EmploymentTerms terms(long studentId, DestinationForm form, EnterpriseRef employer) {
        EmploymentTerms given = form.terms() != null
                ? form.terms()
                : jdbc.sql("SELECT channel, sector, pay_band, contract, insured, abroad FROM destination"
                                + " WHERE student_id = :s AND follow_up = :p")
                        .param("s", studentId)
                        .param("p", form.followUp().name())
                        .query(EmploymentTerms.class)
                        .optional()
                        .filter(kept -> form.kind().directlyEmployed())
                        .orElse(EmploymentTerms.NONE);
        return given.checked(form.kind(), employer == null ? null : employer.industry(), employer != null);
    }

    /** The terms as the named parameters of an insert: channel, sector, payBand, contract, insured, abroad. */
    static Map<String, Object> termParams(EmploymentTerms t) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("channel", t.channel() == null ? null : t.channel().name());
        params.put("sector", t.sector() == null ? null : t.sector().name());
        params.put("payBand", t.payBand() == null ? null : t.payBand().name());
        params.put("contract", t.contract());
        params.put("insured", t.insured());
        params.put("abroad", Boolean.TRUE.equals(t.abroad()));
        return params;
    }

    private EnterpriseRef employer(DestinationForm form) {
        if (form.enterpriseId() != null) {
            return enterprises
                    .byId(form.enterpriseId())
                    .orElseThrow(() -> new InvalidFieldException("enterpriseId", "destination.enterprise.unknown"));
        }
        if (form.kind() == DestinationKind.EMPLOYED && !StringUtils.hasText(form.employerName())) {
            throw new InvalidFieldException("employerName", "destination.employer.required");
        }
        return null;
    }

    private static boolean matched(DestinationForm form, Graduate g, EnterpriseRef employer) {
        if (form.matchedOverride() != null) {
            if (!StringUtils.hasText(form.matchedReason())) {
                throw new InvalidFieldException("matchedReason", "destination.matched.reason");
            }
            return form.matchedOverride();
        }
        return form.kind().directlyEmployed()
                && employer != null
                && MatchRule.matches(g.majorCode(), employer.industry());
    }

    /** Flags the graduate's most advanced confirmed follow-up point as where the graduate is now. */
    void refreshLatest(long studentId) {
        jdbc.sql("""
                        UPDATE destination SET latest = (confirmed AND follow_up_rank =
                               (SELECT MAX(d2.follow_up_rank) FROM destination d2 WHERE d2.student_id = :s AND d2.confirmed))
                        WHERE student_id = :s
                        """).param("s", studentId).update();
    }

    Graduate graduate(long studentId) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT s.id, s.school_id, sc.region_id AS school_region_id, m.code AS major_code,"
                        + " s.graduation_year, s.status FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " JOIN major m ON m.id = s.major_id WHERE s.id = :id AND " + scope.sql("s.school_id"))
                .params(scope.params())
                .param("id", studentId)
                .query(Graduate.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("graduate", String.valueOf(studentId)));
    }

    private static String blank(String s) {
        return StringUtils.hasText(s) ? s.trim() : null;
    }
}
