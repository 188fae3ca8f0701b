package org.craftline.employment.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.enterprises.EnterprisesApi.EnterpriseRef;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Keyset;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.StaleEditException;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The employment office's grid: the graduates of a year, one row each, with their destination at
 * one follow-up point; saved rows go through {@link Destinations#record} (the matched and local
 * rules, the audit), so a grid entry is the same record as one typed alone.
 */
@Service
public class DestinationGrid {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Destinations destinations;
    private final EnterprisesApi enterprises;

    DestinationGrid(JdbcClient jdbc, Tenancy tenancy, Destinations destinations, EnterprisesApi enterprises) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.destinations = destinations;
        this.enterprises = enterprises;
    }

    /** A graduate's row: who, and what is recorded at the point (nulls where nothing is). */
    public record GridRow(
            long studentId,
            String studentNumber,
            String name,
            String majorName,
            String className,
            String kind,
            String employer,
            String creditCode,
            String position,
            Boolean matched,
            Boolean localJob,
            int version) {}

    /**
     * One row as the grid sends it: the employer is a credit code, {@code #id}, or a name outside the
     * registry; {@code version} is the row's as the grid showed it (0: nothing recorded at the point).
     */
    public record Entry(
            long studentId, DestinationKind kind, String employer, String position, boolean local, Integer version) {}

    @Transactional(readOnly = true)
    public Paged<GridRow> page(String schoolCode, int year, FollowUp point, PageQuery page) {
        return page(schoolCode, year, point, page, null);
    }

    /** A page of the cohort by school and student number, after the student {@code after} when given (keyset). */
    @Transactional(readOnly = true)
    public Paged<GridRow> page(String schoolCode, int year, FollowUp point, PageQuery page, Long after) {
        Scope scope = tenancy.scope();
        Where where = Where.of(scope.sql("s.school_id"), scope.params())
                .and("s.school_id = (SELECT x.id FROM school x WHERE x.code = :school)", "school", schoolCode)
                .and("s.graduation_year = :y", "y", year);
        String from = "student s JOIN school sc ON sc.id = s.school_id JOIN major m ON m.id = s.major_id"
                + " LEFT JOIN school_class c ON c.id = s.class_id"
                + " LEFT JOIN destination d ON d.student_id = s.id AND d.follow_up = '" + point.name() + "'"
                + " LEFT JOIN enterprise e ON e.id = d.enterprise_id";
        String select = "s.id AS student_id, s.student_number, s.name, m.name AS major_name, c.name AS class_name,"
                + " d.kind, COALESCE(e.name, d.employer_name) AS employer, e.credit_code, d.position, d.matched,"
                + " d.local_job, COALESCE(d.version, 0) AS version";
        var keyset = new Keyset<GridRow>(
                List.of("s.school_id", "s.student_number"), false, "s.id", GridRow::studentId, after);
        return SqlPages.fetch(jdbc, select, from, "student s", where, null, page, keyset, GridRow.class);
    }

    /**
     * Records each entry at the point; an entry the rules refuse is left out and named in the
     * answer (row index to message key), the others are saved: each row is its own transaction.
     */
    public Map<Integer, String> save(FollowUp point, LocalDate recordedOn, List<Entry> entries) {
        Map<Integer, String> refused = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e == null || e.kind() == null) {
                continue; // a row left blank is not touched
            }
            try {
                DestinationForm form = form(point, recordedOn, e);
                destinations.record(e.studentId(), form);
            } catch (InvalidFieldException problem) {
                refused.put(i, problem.messageKey());
            } catch (StaleEditException stale) {
                // saved by someone else since the grid was read: the row shows again, now at the stored version
                refused.put(i, "destination.grid.stale");
            }
        }
        return refused;
    }

    private DestinationForm form(FollowUp point, LocalDate recordedOn, Entry e) {
        Optional<EnterpriseRef> unit = unit(e.employer());
        String outside = unit.isPresent() || !StringUtils.hasText(e.employer())
                ? null
                : e.employer().strip();
        return new DestinationForm(
                point,
                recordedOn,
                e.kind(),
                unit.map(EnterpriseRef::id).orElse(null),
                outside,
                e.position(),
                e.local(),
                null,
                null,
                null, // the grid keeps the terms recorded at the point
                e.version());
    }

    /** A registry unit named by credit code or {@code #id}; a plain name is an employer outside the registry. */
    private Optional<EnterpriseRef> unit(String employer) {
        if (!StringUtils.hasText(employer)) {
            return Optional.empty();
        }
        String text = employer.strip();
        if (text.startsWith("#")
                && text.substring(1).chars().allMatch(Character::isDigit)
                && text.length() > 1
                && text.length() < 19) {
            return enterprises.byId(Long.parseLong(text.substring(1)));
        }
        if (text.length() != 18 || !text.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return Optional.empty();
        }
        return Optional.of(enterprises
                .byCreditCode(text.toUpperCase())
                .orElseThrow(() -> new InvalidFieldException("employer", "destination.enterprise.unknown")));
    }
}
