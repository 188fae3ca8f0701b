package org.craftline.employment.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.NotificationKind;
import org.craftline.platform.Notifications;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.SignedLinks;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The employer survey of a graduating year: the school asks each unit that employs graduates of the
 * year (their latest destination) to rate them on skills and attitude (1-5) and say whether it would
 * hire them again. A unit answers once, on the enterprise portal ({@code /employer-ratings}) or by a
 * personal link without a password (signed, as a graduate's follow-up link).
 */
@Service
public class EmployerSurveys {

    static final String LINK_PURPOSE = "employer-rating";
    /** The latest a survey may close, as a follow-up round. */
    static final int LONGEST_DAYS = 180;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final SignedLinks links;
    private final Notifications notifications;
    private final AuditLog audit;
    private final Clock clock;

    EmployerSurveys(
            JdbcClient jdbc,
            Tenancy tenancy,
            SignedLinks links,
            Notifications notifications,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.links = links;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    public record OpenForm(
            @NotNull @Min(2000) @Max(2100) Integer graduationYear,
            @NotNull LocalDate closesOn,
            @Size(max = 20) String schoolCode) {}

    public record RatingForm(
            @NotNull @Min(1) @Max(5) Integer skills,
            @NotNull @Min(1) @Max(5) Integer attitude,
            @NotNull Boolean hireAgain,
            @Size(max = 500) String remark) {

        public static RatingForm empty() {
            return new RatingForm(null, null, null, "");
        }
    }

    public record SurveyView(
            long id,
            String schoolCode,
            int graduationYear,
            LocalDate openedOn,
            LocalDate closesOn,
            int units,
            int answered,
            Double skills,
            Double attitude,
            int hireAgain) {

        public boolean open(LocalDate today) {
            return !closesOn.isBefore(today);
        }

        public Double responseRate() {
            return units == 0 ? null : (double) answered / units;
        }

        public Double hireAgainRate() {
            return answered == 0 ? null : (double) hireAgain / answered;
        }
    }

    /** One unit's request in a survey: the school's view, the unit's, and the link's. */
    public record RatingView(
            long id,
            long surveyId,
            long schoolId,
            String schoolName,
            int graduationYear,
            LocalDate closesOn,
            String enterpriseName,
            int graduates,
            Integer skills,
            Integer attitude,
            Boolean hireAgain,
            String remark,
            OffsetDateTime answeredAt) {

        public boolean answered() {
            return answeredAt != null;
        }

        public boolean closed(LocalDate today) {
            return closesOn.isBefore(today);
        }
    }

    private static final String RATING = "SELECT g.id, g.survey_id, g.school_id, sc.name AS school_name,"
            + " v.graduation_year, v.closes_on, e.name AS enterprise_name, g.graduates, g.skills, g.attitude,"
            + " g.hire_again, g.remark, g.answered_at FROM employer_rating g JOIN employer_survey v ON v.id = g.survey_id"
            + " JOIN school sc ON sc.id = g.school_id JOIN enterprise e ON e.id = g.enterprise_id";

    /** Opens the survey of a year: every unit employing graduates of the year at their latest destination is asked. */
    @Transactional
    public SurveyView open(OpenForm form) {
        long school = tenancy.administeredSchool(form.schoolCode());
        LocalDate today = LocalDate.now(clock);
        if (form.closesOn().isBefore(today) || form.closesOn().isAfter(today.plusDays(LONGEST_DAYS))) {
            throw new InvalidFieldException("closesOn", "followUp.round.closesOn");
        }
        try {
            jdbc.sql("INSERT INTO employer_survey (school_id, graduation_year, opened_on, closes_on)"
                            + " VALUES (:school, :y, :today, :closes)")
                    .param("school", school)
                    .param("y", form.graduationYear())
                    .param("today", today)
                    .param("closes", form.closesOn())
                    .update();
        } catch (DuplicateKeyException exists) {
            throw new InvalidFieldException("graduationYear", "employerSurvey.exists");
        }
        long survey = jdbc.sql("SELECT id FROM employer_survey WHERE school_id = :school AND graduation_year = :y")
                .param("school", school)
                .param("y", form.graduationYear())
                .query(Long.class)
                .single();
        int asked = jdbc.sql("""
                        INSERT INTO employer_rating (survey_id, school_id, enterprise_id, graduates)
                        SELECT :survey, :school, d.enterprise_id, COUNT(*) FROM destination d
                        WHERE d.school_id = :school AND d.graduation_year = :y AND d.latest AND d.kind = 'EMPLOYED'
                          AND d.enterprise_id IS NOT NULL
                        GROUP BY d.enterprise_id
                        """)
                .param("survey", survey)
                .param("school", school)
                .param("y", form.graduationYear())
                .update();
        if (asked == 0) {
            throw new InvalidFieldException("graduationYear", "employerSurvey.noUnits");
        }
        audit.created("employer_survey", String.valueOf(survey), school, Map.of("form", form, "asked", asked));
        String schoolName = jdbc.sql("SELECT name FROM school WHERE id = :s")
                .param("s", school)
                .query(String.class)
                .single();
        notifications.toEnterprises(
                "SELECT enterprise_id FROM employer_rating WHERE survey_id = :survey",
                Map.of("survey", survey),
                NotificationKind.EMPLOYER_SURVEY,
                "notify.employerSurvey.request",
                List.of(schoolName, form.graduationYear(), form.closesOn()),
                "/employer-ratings");
        return survey(survey);
    }

    /** The surveys the user may read, newest year first; at most 200. */
    @Transactional(readOnly = true)
    public List<SurveyView> surveys() {
        return views("", Map.of());
    }

    @Transactional(readOnly = true)
    public SurveyView survey(long id) {
        return views(" AND v.id = :id", Map.of("id", id)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("employerSurvey", String.valueOf(id)));
    }

    private List<SurveyView> views(String where, Map<String, ?> params) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT v.id, sc.code AS school_code, v.graduation_year, v.opened_on, v.closes_on,"
                        + " COUNT(g.id) AS units, COUNT(g.answered_at) AS answered,"
                        + " AVG(CAST(g.skills AS DOUBLE PRECISION)) AS skills,"
                        + " AVG(CAST(g.attitude AS DOUBLE PRECISION)) AS attitude,"
                        + " COUNT(CASE WHEN g.hire_again THEN 1 END) AS hire_again"
                        + " FROM employer_survey v JOIN school sc ON sc.id = v.school_id"
                        + " LEFT JOIN employer_rating g ON g.survey_id = v.id WHERE " + scope.sql("v.school_id") + where
                        + " GROUP BY v.id, sc.code, v.graduation_year, v.opened_on, v.closes_on"
                        + " ORDER BY v.graduation_year DESC, sc.code FETCH FIRST 200 ROWS ONLY")
                .params(scope.params())
                .params(params)
                .query(SurveyView.class)
                .list();
    }

    /** The survey's units, answered last, by name; at most 2,000 (a school's year employs a few hundred units). */
    @Transactional(readOnly = true)
    public List<RatingView> ratings(long surveyId) {
        survey(surveyId);
        return jdbc.sql(RATING + " WHERE g.survey_id = :s ORDER BY g.answered_at NULLS FIRST, e.name"
                        + " FETCH FIRST 2000 ROWS ONLY")
                .param("s", surveyId)
                .query(RatingView.class)
                .list();
    }

    /** The unanswered units' personal links as CSV lines (unit, graduates, link under {@code base}); audited. */
    @Transactional
    public void unansweredLinks(long surveyId, String base, Consumer<List<String>> line) {
        survey(surveyId);
        long school = jdbc.sql("SELECT school_id FROM employer_survey WHERE id = :s")
                .param("s", surveyId)
                .query(Long.class)
                .single();
        tenancy.checkAdministratorWrite(school);
        audit.record("EXPORT_LINKS", "employer_survey", String.valueOf(surveyId), school, null, null);
        jdbc.sql("SELECT g.id, e.name, g.graduates FROM employer_rating g JOIN enterprise e ON e.id = g.enterprise_id"
                        + " WHERE g.survey_id = :s AND g.answered_at IS NULL ORDER BY e.name")
                .param("s", surveyId)
                .query((RowCallbackHandler) rs -> line.accept(List.of(
                        rs.getString("name"),
                        String.valueOf(rs.getInt("graduates")),
                        base + path(links.sign(LINK_PURPOSE, rs.getLong("id"))))));
    }

    public static String path(String token) {
        return "/public/employer-rating/" + token;
    }

    /** The signed-in unit's requests, open ones first; empty for any other role. */
    @Transactional(readOnly = true)
    public List<RatingView> mine() {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.ENTERPRISE || user.enterpriseId() == null) {
            return List.of();
        }
        return jdbc.sql(RATING + " WHERE g.enterprise_id = :e ORDER BY g.answered_at NULLS FIRST, v.closes_on,"
                        + " g.id DESC FETCH FIRST 100 ROWS ONLY")
                .param("e", user.enterpriseId())
                .query(RatingView.class)
                .list();
    }

    /** One of the signed-in unit's requests (another unit's is not found). */
    @Transactional(readOnly = true)
    public RatingView mine(long ratingId) {
        CurrentUser user = tenancy.currentUser();
        return jdbc.sql(RATING + " WHERE g.id = :id AND g.enterprise_id = :e")
                .param("id", ratingId)
                .param("e", user.role() == Role.ENTERPRISE ? user.enterpriseId() : null)
                .query(RatingView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("employerRating", String.valueOf(ratingId)));
    }

    /** The signed-in unit's answer to one of its requests (another unit's is not found). */
    @Transactional
    public RatingView answerMine(long ratingId, RatingForm form) {
        RatingView rating = mine(ratingId);
        answer(rating, form, tenancy.currentUser().username());
        return rating(rating.id());
    }

    /** The request a personal link names; a changed link is not found. */
    @Transactional(readOnly = true)
    public RatingView request(String token) {
        long id = links.verify(LINK_PURPOSE, token).orElseThrow(() -> new NotFoundException("employerLink", null));
        return rating(id);
    }

    /** The answer through a personal link; refused once given and after the survey has closed. */
    @Transactional
    public void answer(String token, RatingForm form) {
        answer(request(token), form, "link");
    }

    private void answer(RatingView rating, RatingForm form, String by) {
        if (rating.closed(LocalDate.now(clock))) {
            throw new InvalidFieldException("skills", "followUp.link.closed");
        }
        int answered = jdbc.sql(
                        "UPDATE employer_rating SET skills = :skills, attitude = :attitude, hire_again = :again,"
                                + " remark = :remark, answered_at = :now, answered_by = :by WHERE id = :id AND answered_at IS NULL")
                .param("skills", form.skills())
                .param("attitude", form.attitude())
                .param("again", form.hireAgain())
                .param(
                        "remark",
                        StringUtils.hasText(form.remark()) ? form.remark().strip() : null)
                .param("now", OffsetDateTime.now(clock))
                .param("by", by.length() > 50 ? by.substring(0, 50) : by)
                .param("id", rating.id())
                .update();
        if (answered == 0) {
            throw new InvalidFieldException("skills", "followUp.link.used");
        }
        audit.recordAs(
                "link".equals(by) ? "link:" + rating.enterpriseName() : by,
                "ANSWER",
                "employer_rating",
                String.valueOf(rating.id()),
                rating.schoolId(),
                null,
                form);
    }

    private RatingView rating(long id) {
        return jdbc.sql(RATING + " WHERE g.id = :id")
                .param("id", id)
                .query(RatingView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("employerLink", null));
    }
}
