package org.craftline.employment.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.enterprises.EnterprisesApi.EnterpriseRef;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.SignedLinks;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Follow-up rounds, the graduate's side: its personal link opens the round's questions without a
 * password; the link answers once, until the round closes, and the answer waits for the school's
 * confirmation ({@link FollowUpRounds#confirm}). A changed or made-up link is not found.
 */
@Service
public class FollowUpAnswers {

    private final JdbcClient jdbc;
    private final SignedLinks links;
    private final EnterprisesApi enterprises;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;

    FollowUpAnswers(
            JdbcClient jdbc,
            SignedLinks links,
            EnterprisesApi enterprises,
            Tenancy tenancy,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.enterprises = enterprises;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The page of a link's token. */
    public static String path(String token) {
        return "/public/follow-up/" + token;
    }

    /** The answer: where the graduate is, the job's terms, and how satisfied it is (1 to 5). */
    public record AnswerForm(
            @NotNull DestinationKind kind,
            @Size(max = 200) String employerName,
            @Size(max = 100) String position,
            @Size(max = 60) String town,
            boolean inCounty,
            @Valid EmploymentTerms terms,
            @NotNull @Min(1) @Max(5) Integer satisfaction) {}

    /** What the link's page shows: the school, the round, the graduate's given name only, and its state. */
    public record Request(
            long id,
            long schoolId,
            String schoolName,
            int graduationYear,
            String followUp,
            LocalDate closesOn,
            String studentNumber,
            String name,
            boolean answered) {

        public boolean closed(LocalDate today) {
            return closesOn.isBefore(today);
        }

        /** The surname hidden: enough for the graduate to know it is its link, little for anyone else. */
        public String shownName() {
            return name.length() <= 1 ? "*" : "*" + name.substring(1);
        }
    }

    /** A round the signed-in graduate has still to answer, with its link: its in-app task. */
    public record OpenRequest(int graduationYear, String followUp, LocalDate closesOn, String link) {}

    @Transactional(readOnly = true)
    public Request request(String token) {
        long id = links.verify(FollowUpRounds.LINK_PURPOSE, token)
                .orElseThrow(() -> new NotFoundException("followUpLink", null));
        return jdbc.sql("""
                        SELECT q.id, q.school_id, sc.name AS school_name, r.graduation_year, r.follow_up, r.closes_on,
                               s.student_number, s.name, q.answered_at IS NOT NULL AS answered
                        FROM follow_up_request q JOIN follow_up_round r ON r.id = q.round_id
                        JOIN school sc ON sc.id = q.school_id JOIN student s ON s.id = q.student_id
                        WHERE q.id = :id
                        """)
                .param("id", id)
                .query(Request.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("followUpLink", null));
    }

    /** The graduate's answer through its link; refused once given and after the round has closed. */
    @Transactional
    public void answer(String token, AnswerForm form) {
        Request request = request(token);
        if (request.closed(LocalDate.now(clock))) {
            throw new InvalidFieldException("kind", "followUp.link.closed");
        }
        EnterpriseRef unit = unit(form);
        EmploymentTerms terms = (form.terms() == null ? EmploymentTerms.NONE : form.terms())
                .checked(form.kind(), unit == null ? null : unit.industry(), unit != null);
        boolean local = form.kind().directlyEmployed() && form.inCounty();
        if (terms.abroad() && local) {
            throw new InvalidFieldException("terms.abroad", "destination.terms.abroadLocal");
        }
        int answered = jdbc.sql("""
                        UPDATE follow_up_request SET answered_at = :now, kind = :kind, enterprise_id = :enterprise,
                               employer_name = :employer, position = :position, town = :town, in_county = :local,
                               channel = :channel, sector = :sector, pay_band = :payBand, contract = :contract,
                               insured = :insured, abroad = :abroad, satisfaction = :satisfaction
                        WHERE id = :id AND answered_at IS NULL
                        """)
                .params(Destinations.termParams(terms))
                .param("now", OffsetDateTime.now(clock))
                .param("kind", form.kind().name())
                .param("enterprise", unit == null ? null : unit.id())
                .param("employer", unit == null ? text(form.employerName()) : null)
                .param("position", text(form.position()))
                .param("town", text(form.town()))
                .param("local", local)
                .param("satisfaction", form.satisfaction())
                .param("id", request.id())
                .update();
        if (answered == 0) {
            throw new InvalidFieldException("kind", "followUp.link.used");
        }
        audit.recordAs(
                "link:" + request.studentNumber(),
                "ANSWER",
                "follow_up_request",
                String.valueOf(request.id()),
                request.schoolId(),
                null,
                form);
    }

    /** The units of the school's cooperation agreements, as names a graduate may pick from; at most 300. */
    @Transactional(readOnly = true)
    public List<String> unitNames(long schoolId) {
        return enterprises.cooperations(schoolId).stream()
                .map(EnterprisesApi.CooperationRef::enterpriseName)
                .distinct()
                .sorted()
                .limit(300)
                .toList();
    }

    /** The signed-in graduate's open rounds not yet answered. */
    @Transactional(readOnly = true)
    public List<OpenRequest> mine() {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.STUDENT || user.studentId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT q.id, r.graduation_year, r.follow_up, r.closes_on FROM follow_up_request q
                        JOIN follow_up_round r ON r.id = q.round_id
                        WHERE q.student_id = :s AND q.answered_at IS NULL AND r.closes_on >= :today
                        ORDER BY r.closes_on
                        """)
                .param("s", user.studentId())
                .param("today", LocalDate.now(clock))
                .query((rs, i) -> new OpenRequest(
                        rs.getInt("graduation_year"),
                        rs.getString("follow_up"),
                        rs.getObject("closes_on", LocalDate.class),
                        path(links.sign(FollowUpRounds.LINK_PURPOSE, rs.getLong("id")))))
                .list();
    }

    /** A unit of the registry named exactly as the graduate wrote it, or none (a new unit it proposes). */
    private EnterpriseRef unit(AnswerForm form) {
        String name = text(form.employerName());
        if (form.kind() == DestinationKind.EMPLOYED && name == null) {
            throw new InvalidFieldException("employerName", "destination.employer.required");
        }
        if (name == null || !form.kind().directlyEmployed()) {
            return null;
        }
        return enterprises.suggest(name, 20).stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static String text(String s) {
        return StringUtils.hasText(s) ? s.trim() : null;
    }
}
