package org.craftline.internships.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.TextSearch;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The placements a user reaches: lists by class, unit and status, one placement, its history. */
@Service
public class PlacementQueries {

    /**
     * Open placements whose insurance or agreement does not cover them to their end, or whose signed
     * agreement or a minor's guardian consent is on paper only (an imported placement) until uploaded.
     */
    static final String AT_RISK = "(i.status IN ('PLANNED', 'IN_PROGRESS') AND (i.insured_from > i.starts_on"
            + " OR i.insured_to < i.ends_on OR i.agreement_path IS NULL OR (i.minor AND i.consent_path IS NULL)"
            + " OR (i.agreement_ends_on IS NOT NULL AND i.agreement_ends_on < i.ends_on)))";

    /**
     * School by school, the latest start first within each: for one school the same as latest first;
     * for a bureau's schools the index (school_id, starts_on, id) then reads each school's rows in
     * order instead of the schools' rows all being sorted (1.7 s for a bureau over 1M placements).
     */
    static final List<String> BY_SCHOOL_NEWEST_FIRST = List.of("i.school_id", "i.starts_on", "i.id");

    static final String SELECT = "i.id, sc.code AS school_code, sc.name AS school_name, s.student_number,"
            + " s.name AS student_name, cl.name AS class_name, i.enterprise_id,"
            + " (SELECT x.name FROM enterprise x WHERE x.id = i.enterprise_id) AS enterprise_name, i.kind,"
            + " i.post, i.post_headcount, i.matched, i.starts_on, i.ends_on, t.staff_number AS supervisor_number,"
            + " t.name AS supervisor_name, i.mentor_name, i.mentor_phone, i.hours_per_day, i.days_per_week,"
            + " i.night_shifts, i.overtime, i.public_holidays, i.monthly_pay, i.post_wage, i.insurer, i.policy_number,"
            + " i.insured_from, i.insured_to, i.agreement_name, i.agreement_ends_on, i.minor, i.guardian_name,"
            + " i.consent_name, i.status, i.ended_on, i.end_reason, i.accepted_warnings, i.acceptance_reason,"
            + " CASE WHEN " + AT_RISK + " THEN TRUE ELSE FALSE END AS at_risk, i.version";
    /**
     * The unit's name is a subquery of the select list, not a join: a page's rows then look their
     * units up by key, where a join let PostgreSQL read and hash all 2,520 units for a page of 21
     * (0.35-0.64 ms of each placements list at 1,000,000 placements, bench/lists.sh run R).
     */
    static final String FROM = "internship i JOIN school sc ON sc.id = i.school_id"
            + " JOIN student s ON s.id = i.student_id LEFT JOIN school_class cl ON cl.id = s.class_id"
            + " JOIN staff t ON t.id = i.supervisor_id";

    /** On H2 the search reads the unit's name on the joined row ({@link TextSearch#apply}). */
    private static final String FROM_H2 = FROM + " JOIN enterprise e ON e.id = i.enterprise_id";

    /** Where the search looks on H2: the student's number and name, the unit's name. */
    private static final TextSearch.Source[] SEARCHED = {
        TextSearch.Source.via("student_id", "student", "s", "student_number", "name"),
        TextSearch.Source.via("enterprise_id", "enterprise", "e", null, "name")
    };

    /**
     * On PostgreSQL the student's name as the placement keeps it ({@code student_name}, copied and
     * kept by the triggers of migration V70), read by the placement's own indexes ({@link
     * TextSearch#nameContains}) instead of reaching the placements from the matching students.
     */
    private static final TextSearch.Source[] SEARCHED_POSTGRES = {
        TextSearch.Source.own(null, "student_name").inNameOrder(),
        TextSearch.Source.via("student_id", "student", "s", "student_number"),
        TextSearch.Source.via("enterprise_id", "enterprise", "e", null, "name")
    };

    private static final TextSearch.Source[] STUDENT_NAME = {
        TextSearch.Source.via("student_id", "student", "s", "student_number", "name")
    };

    private static final TextSearch.Source[] STUDENT_NAME_POSTGRES = {
        TextSearch.Source.own(null, "student_name").inNameOrder(),
        TextSearch.Source.via("student_id", "student", "s", "student_number")
    };

    /** A surname search on PostgreSQL: by the student's name in byte order, then school and id. */
    static final List<String> BY_STUDENT_NAME = List.of("(i.student_name COLLATE \"C\")", "i.school_id", "i.id");

    private final JdbcClient jdbc;
    private final InternshipAccess access;

    PlacementQueries(JdbcClient jdbc, InternshipAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The list's filters; each is optional. {@code atRisk} keeps only the placements at risk. */
    public record Filter(
            Long classId, Long enterpriseId, InternshipStatus status, InternshipKind kind, Boolean atRisk, String q) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    @Transactional(readOnly = true)
    public Paged<PlacementView> list(Filter f, PageQuery page) {
        var reach = access.reach();
        Where where = Where.of(reach.sql(), reach.params())
                // the class's students first, then their placements by key: a class is a few dozen
                // students, whom a walk of the school's placements in the list's order would seek
                .and("i.student_id IN (SELECT x.id FROM student x WHERE x.class_id = :classId)", "classId", f.classId())
                .and("i.enterprise_id = :enterpriseId", "enterpriseId", f.enterpriseId())
                .and(
                        "i.status = :status",
                        "status",
                        f.status() == null ? null : f.status().name())
                .and(
                        "i.kind = :kind",
                        "kind",
                        f.kind() == null ? null : f.kind().name())
                .andIf(Boolean.TRUE.equals(f.atRisk()), AT_RISK);
        boolean postgres = SqlVendor.postgres(jdbc);
        boolean studentsOnly = surname(f.q()) || (postgres && personsName(f.q()));
        TextSearch.apply(where, "q", f.q(), postgres, "internship", "i", sources(studentsOnly, postgres));
        boolean byName = studentsOnly && postgres;
        // on PostgreSQL every condition is on the placement's own columns (the joined names are
        // searched through subqueries), and the joins are on required keys: the total is counted,
        // and the page cut, on the placements alone (a common name's 477 placements at 1,000,000 were
        // counted through the joins, with parallel workers, in 11-14 ms: runs N and O of docs/benchmarks.md)
        return SqlPages.fetch(
                        jdbc,
                        SELECT,
                        postgres ? FROM : FROM_H2,
                        postgres ? "internship i" : FROM_H2,
                        where,
                        null,
                        page,
                        Keyset.of(
                                byName ? BY_STUDENT_NAME : BY_SCHOOL_NEWEST_FIRST,
                                !byName,
                                "i.id",
                                PlacementView::id,
                                page),
                        PlacementView.class)
                .map(this::shown);
    }

    /**
     * A text of one or two characters without a digit is a surname: it finds the students' names
     * starting with it, not the units' (no one index holds both names in one order; at 1,000,000
     * placements the search of both took 314 ms against 6.5 at 10,000, bench/lists.sh). On
     * PostgreSQL such a search is listed by the student's name, which the name copied onto the
     * placement (V70) and its index {@code internship_student_name_order_ix} read in order.
     */
    static boolean surname(String q) {
        return q != null && !q.isBlank() && TextSearch.rule(q.strip(), true) == TextSearch.Rule.PREFIX;
    }

    /**
     * On PostgreSQL, whether a name search of three characters or more names no unit (the usual search
     * for a person): it then finds the students' names only, as a surname does, listed by the
     * student's name, and its page stops after its rows ({@link TextSearch#nameContains}); finding
     * both the students' and the units' names, newest first, read and sorted every match (16.6 ms at
     * 1,000,000 placements against 5.1 at 10,000, run L of docs/benchmarks.md). A text that a unit's
     * name contains keeps finding both, newest first.
     */
    private boolean personsName(String q) {
        if (q == null || q.isBlank()) {
            return false;
        }
        String text = q.strip();
        if (text.codePointCount(0, text.length()) > TextSearch.MAX_LENGTH
                || TextSearch.rule(text, true) != TextSearch.Rule.CONTAINS) {
            return false;
        }
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM enterprise WHERE name ILIKE :p)")
                .param("p", "%" + TextSearch.escapeLike(text) + "%")
                .query(Boolean.class)
                .single();
    }

    private static TextSearch.Source[] sources(boolean studentsOnly, boolean postgres) {
        if (studentsOnly) {
            return postgres ? STUDENT_NAME_POSTGRES : STUDENT_NAME;
        }
        return postgres ? SEARCHED_POSTGRES : SEARCHED;
    }

    @Transactional(readOnly = true)
    public PlacementView get(long id) {
        var reach = access.reach();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE i.id = :id AND " + reach.sql())
                .params(reach.params())
                .param("id", id)
                .query(PlacementView.class)
                .optional()
                .map(this::shown)
                .orElseThrow(() -> new NotFoundException("internship", String.valueOf(id)));
    }

    /** A status a placement had, from when, why, and who recorded it. */
    public record StatusEntry(
            InternshipStatus status,
            LocalDate changedOn,
            String reason,
            String recordedBy,
            OffsetDateTime recordedAt) {}

    @Transactional(readOnly = true)
    public List<StatusEntry> history(long id) {
        get(id); // within reach, or 404
        return jdbc.sql("SELECT status, changed_on, reason, recorded_by, recorded_at FROM internship_status_change"
                        + " WHERE internship_id = :id ORDER BY recorded_at, id")
                .param("id", id)
                .query(StatusEntry.class)
                .list();
    }

    /** The school a placement belongs to, for checking a change; 404 when out of reach. */
    long schoolOf(long id) {
        return jdbc.sql("SELECT school_id FROM internship WHERE id = :id")
                .param("id", get(id).id())
                .query(Long.class)
                .single();
    }

    private PlacementView shown(PlacementView view) {
        boolean schoolSide = access.isSchoolSide();
        return view.shownTo(schoolSide, schoolSide || access.user().role() == org.craftline.platform.Role.ENTERPRISE);
    }
}
