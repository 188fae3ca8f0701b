package org.craftline.development.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.Keyset;
import org.craftline.shared.Money;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Text;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Funded projects of the schools in scope, their budget lines and their ledgers. */
@Service
public class Projects {

    static final String SELECT = "p.id, sc.code AS school_code, sc.name AS school_name, p.name, p.funding_source,"
            + " p.project_level AS level, p.award_year, p.amount_awarded, p.status, p.note,"
            + " (SELECT SUM(l.planned_amount) FROM budget_line l WHERE l.project_id = p.id) AS planned,"
            + " (SELECT SUM(e.amount) FROM expenditure e WHERE e.project_id = p.id) AS spent, p.version";
    static final String FROM = "funded_project p JOIN school sc ON sc.id = p.school_id";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;
    private final EditVersions versions;

    Projects(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, Clock clock, EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
        this.versions = versions;
    }

    public record Filter(Integer year, ProjectStatus status, String q) {}

    @Transactional(readOnly = true)
    public Paged<ProjectView> list(Filter f, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where = Where.of(scope.sql("p.school_id"), scope.params())
                .and("p.award_year = :year", "year", f.year())
                .and(
                        "p.status = :status",
                        "status",
                        f.status() == null ? null : f.status().name())
                .contains(f.q(), "p.name", "p.funding_source");
        return SqlPages.fetch(
                jdbc,
                SELECT,
                FROM,
                where,
                page,
                Keyset.of(List.of("p.award_year", "p.id"), true, "p.id", ProjectView::id, page),
                ProjectView.class);
    }

    @Transactional(readOnly = true)
    public ProjectView get(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE p.id = :id AND " + scope.sql("p.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(ProjectView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("project", String.valueOf(id)));
    }

    @Transactional(readOnly = true)
    public Ledger ledger(long id) {
        ProjectView project = get(id);
        List<Ledger.Line> lines = lines(id);
        return new Ledger(project, lines, Ledger.totals(project.amountAwarded(), lines), months(id));
    }

    @Transactional
    public ProjectView create(ProjectForm form) {
        long schoolId = tenancy.administeredSchool(form.schoolCode());
        String name = Text.normalise(form.name());
        checkUniqueName(schoolId, name, -1);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO funded_project (school_id, name, funding_source, project_level, award_year, amount_awarded,
                               status, note, created_at)
                        VALUES (:school, :name, :source, :level, :year, :amount, :status, :note, :at)
                        """)
                .param("school", schoolId)
                .param("name", name)
                .param("source", Text.normalise(form.fundingSource()))
                .param("level", form.level().name())
                .param("year", form.awardYear())
                .param("amount", Money.of(form.amountAwarded()))
                .param("status", form.status().name())
                .param("note", FreeText.of(form.note()))
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        ProjectView created = get(keys.getKeyAs(Long.class));
        audit.created("funded_project", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    /** Changes a project's description, award and status; its school stays. */
    @Transactional
    public ProjectView update(long id, ProjectForm form) {
        ProjectView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        String name = Text.normalise(form.name());
        checkUniqueName(schoolId, name, id);
        versions.claim("funded_project", id, form.version(), "funded_project", String.valueOf(id));
        jdbc.sql("""
                        UPDATE funded_project SET name = :name, funding_source = :source, project_level = :level,
                               award_year = :year, amount_awarded = :amount, status = :status, note = :note
                        WHERE id = :id
                        """)
                .param("name", name)
                .param("source", Text.normalise(form.fundingSource()))
                .param("level", form.level().name())
                .param("year", form.awardYear())
                .param("amount", Money.of(form.amountAwarded()))
                .param("status", form.status().name())
                .param("note", FreeText.of(form.note()))
                .param("id", id)
                .update();
        ProjectView after = get(id);
        audit.updated("funded_project", String.valueOf(id), schoolId, before, after);
        return after;
    }

    /** Adds the project's budget line of a category (one per category). */
    @Transactional
    public Ledger.Line addLine(long projectId, BudgetLineForm form) {
        get(projectId);
        long schoolId = schoolIdOf(projectId);
        tenancy.checkAdministratorWrite(schoolId);
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM budget_line WHERE project_id = :p AND category = :c")
                        .param("p", projectId)
                        .param("c", form.category().name())
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            throw new ConflictException(
                    "line.category.duplicate", "category", form.category().name());
        }
        jdbc.sql("""
                        INSERT INTO budget_line (project_id, school_id, category, description, planned_amount, capacity_building)
                        VALUES (:p, :s, :c, :d, :planned, :cb)
                        """)
                .param("p", projectId)
                .param("s", schoolId)
                .param("c", form.category().name())
                .param("d", Text.blankToNull(Text.normalise(form.description())))
                .param("planned", Money.of(form.plannedAmount()))
                .param("cb", form.countsAsCapacityBuilding())
                .update();
        Ledger.Line line = lines(projectId).stream()
                .filter(l -> l.category().equals(form.category().name()))
                .findFirst()
                .orElseThrow();
        audit.created("budget_line", String.valueOf(line.id()), schoolId, line);
        return line;
    }

    List<Ledger.Line> lines(long projectId) {
        return jdbc.sql("""
                        SELECT l.id, l.category, l.description, l.planned_amount AS planned, SUM(e.amount) AS spent,
                               l.planned_amount - COALESCE(SUM(e.amount), 0) AS balance, l.capacity_building
                        FROM budget_line l LEFT JOIN expenditure e ON e.line_id = l.id
                        WHERE l.project_id = :p
                        GROUP BY l.id, l.category, l.description, l.planned_amount, l.capacity_building
                        ORDER BY l.id
                        """).param("p", projectId).query(Ledger.Line.class).list();
    }

    private List<Ledger.Month> months(long projectId) {
        List<Object[]> rows = jdbc.sql("""
                        SELECT EXTRACT(YEAR FROM e.spent_on) AS y, EXTRACT(MONTH FROM e.spent_on) AS m, SUM(e.amount) AS amount
                        FROM expenditure e WHERE e.project_id = :p
                        GROUP BY EXTRACT(YEAR FROM e.spent_on), EXTRACT(MONTH FROM e.spent_on)
                        ORDER BY 1, 2
                        """)
                .param("p", projectId)
                .query((rs, i) -> new Object[] {rs.getInt("y"), rs.getInt("m"), rs.getBigDecimal("amount")})
                .list();
        List<Ledger.Month> months = new ArrayList<>(rows.size());
        BigDecimal total = Money.ZERO;
        for (Object[] r : rows) {
            BigDecimal amount = Money.of((BigDecimal) r[2]);
            total = total.add(amount);
            months.add(new Ledger.Month(String.format("%04d-%02d", r[0], r[1]), amount, total));
        }
        return months;
    }

    long schoolIdOf(long projectId) {
        return jdbc.sql("SELECT school_id FROM funded_project WHERE id = :id")
                .param("id", projectId)
                .query(Long.class)
                .single();
    }

    private void checkUniqueName(long schoolId, String name, long exceptId) {
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM funded_project WHERE school_id = :s AND name = :n AND id <> :id")
                        .param("s", schoolId)
                        .param("n", name)
                        .param("id", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw new ConflictException("project.name.duplicate", "name", name);
        }
    }
}
