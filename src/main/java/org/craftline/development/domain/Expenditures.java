package org.craftline.development.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
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
import org.springframework.util.StringUtils;

/**
 * The ledger of a project: entries are added, never changed nor deleted. An expenditure that would
 * take its line over the planned amount needs an administrator's override with a reason and a second
 * confirmation (audited), and is never larger than the project's total amount;
 * taking one back writes a reversal entry of the negative amount, once.
 */
@Service
public class Expenditures {

    static final String SELECT = "e.id, e.project_id, l.category, e.spent_on, e.amount, e.payee, e.voucher_no, e.note,"
            + " e.reverses_id, e.reversed, e.override_reason, e.created_by, e.created_at";
    static final String FROM = "expenditure e JOIN budget_line l ON l.id = e.line_id";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Projects projects;
    private final AuditLog audit;
    private final Clock clock;

    Expenditures(JdbcClient jdbc, Tenancy tenancy, Projects projects, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    /** A budget line locked for the length of a change, with what it plans and what is spent on it. */
    private record LockedLine(long id, BigDecimal planned, BigDecimal spent) {}

    @Transactional(readOnly = true)
    public Paged<ExpenditureView> list(long projectId, PageQuery page) {
        projects.get(projectId);
        Where where = Where.of("e.project_id = :project", Map.of("project", projectId));
        return SqlPages.fetch(
                jdbc,
                SELECT,
                FROM,
                where,
                page,
                Keyset.of(List.of("e.spent_on", "e.id"), true, "e.id", ExpenditureView::id, page),
                ExpenditureView.class);
    }

    @Transactional(readOnly = true)
    public ExpenditureView get(long projectId, long id) {
        projects.get(projectId);
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE e.id = :id AND e.project_id = :p")
                .param("id", id)
                .param("p", projectId)
                .query(ExpenditureView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("expenditure", String.valueOf(id)));
    }

    @Transactional
    public ExpenditureView spend(long projectId, ExpenditureForm form) {
        ProjectView project = projects.get(projectId);
        long schoolId = projects.schoolIdOf(projectId);
        tenancy.checkAdministratorWrite(schoolId);
        LockedLine line = lockLine(projectId, form.category());
        String voucher = Text.normalise(form.voucherNo());
        checkVoucher(schoolId, voucher);
        BigDecimal amount = Money.of(form.amount());
        boolean over = line.spent().add(amount).compareTo(line.planned()) > 0;
        String reason = over ? overrideReason(form, amount, project.amountAwarded()) : null;
        long id = insert(schoolId, projectId, line.id(), form, amount, voucher, reason);
        ExpenditureView created = get(projectId, id);
        audit.created("expenditure", String.valueOf(id), schoolId, created);
        if (over) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("line", form.category().name());
            state.put("planned", line.planned());
            state.put("spentBefore", line.spent());
            audit.record("OVERRIDE", "expenditure", String.valueOf(id), schoolId, state, created);
        }
        return created;
    }

    /** Takes an entry back by a reversal entry of its negative amount; the original stays, marked reversed. */
    @Transactional
    public ExpenditureView reverse(long projectId, long id, String reason) {
        ExpenditureView original = get(projectId, id);
        long schoolId = projects.schoolIdOf(projectId);
        tenancy.checkAdministratorWrite(schoolId);
        if (!StringUtils.hasText(reason)) {
            throw new InvalidFieldException("reason", "expenditure.reversal.reason");
        }
        if (original.reversal()) {
            throw new ConflictException("expenditure.reversal.ofReversal", null, String.valueOf(id));
        }
        int marked = jdbc.sql("UPDATE expenditure SET reversed = TRUE WHERE id = :id AND reversed = FALSE")
                .param("id", id)
                .update();
        if (marked != 1) {
            throw new ConflictException("expenditure.reversal.twice", null, String.valueOf(id));
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO expenditure (school_id, project_id, line_id, spent_on, amount, payee, voucher_no, note,
                               reverses_id, reversed, created_by, created_at)
                        SELECT school_id, project_id, line_id, :on, -amount, payee, NULL, :reason, id, FALSE, :by, :at
                        FROM expenditure WHERE id = :id
                        """)
                .param("on", LocalDate.now(clock))
                .param("reason", FreeText.of(reason))
                .param("by", tenancy.currentUser().username())
                .param("at", OffsetDateTime.now(clock))
                .param("id", id)
                .update(keys, "id");
        ExpenditureView reversal = get(projectId, keys.getKeyAs(Long.class));
        audit.record("REVERSE", "expenditure", String.valueOf(id), schoolId, original, reversal);
        return reversal;
    }

    /**
     * An override needs a reason and a second confirmation, and has a ceiling: no entry it lets
     * through is larger than the project's total amount (a slip of the keyboard must not book
     * billions on a project of thousands).
     */
    private String overrideReason(ExpenditureForm form, BigDecimal amount, BigDecimal ceiling) {
        if (!form.overrides()) {
            throw new ConflictException(
                    "expenditure.overBudget", "amount", form.category().name());
        }
        if (!StringUtils.hasText(form.overrideReason())) {
            throw new InvalidFieldException("overrideReason", "expenditure.override.reason");
        }
        if (amount.compareTo(ceiling) > 0) {
            throw new ConflictException(
                    "expenditure.override.ceiling", "amount", ceiling.toPlainString(), ceiling.toPlainString());
        }
        if (!form.confirmsOverride()) {
            throw new InvalidFieldException("overrideConfirmed", "expenditure.override.unconfirmed");
        }
        return form.overrideReason().strip();
    }

    private LockedLine lockLine(long projectId, LineCategory category) {
        if (category == null) {
            throw new InvalidFieldException("category", "expenditure.line.unknown");
        }
        // the row lock serialises changes to one line, so two entries cannot both pass the budget check
        Object[] line = jdbc.sql("SELECT id, planned_amount FROM budget_line WHERE project_id = :p AND category = :c"
                        + " FOR UPDATE")
                .param("p", projectId)
                .param("c", category.name())
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getBigDecimal(2)})
                .optional()
                .orElseThrow(() -> new InvalidFieldException("category", "expenditure.line.unknown"));
        BigDecimal spent = jdbc.sql("SELECT SUM(amount) FROM expenditure WHERE line_id = :l")
                .param("l", line[0])
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        return new LockedLine((Long) line[0], Money.of((BigDecimal) line[1]), Money.of(spent));
    }

    private void checkVoucher(long schoolId, String voucher) {
        boolean taken = jdbc.sql("SELECT COUNT(*) FROM expenditure WHERE school_id = :s AND voucher_no = :v")
                        .param("s", schoolId)
                        .param("v", voucher)
                        .query(Long.class)
                        .single()
                > 0;
        if (taken) {
            throw new ConflictException("expenditure.voucher.duplicate", "voucherNo", voucher);
        }
    }

    private long insert(
            long schoolId,
            long projectId,
            long lineId,
            ExpenditureForm form,
            BigDecimal amount,
            String voucher,
            String reason) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO expenditure (school_id, project_id, line_id, spent_on, amount, payee, voucher_no, note,
                               reverses_id, reversed, override_reason, created_by, created_at)
                        VALUES (:s, :p, :l, :on, :amount, :payee, :voucher, :note, NULL, FALSE, :reason, :by, :at)
                        """)
                .param("s", schoolId)
                .param("p", projectId)
                .param("l", lineId)
                .param("on", form.spentOn())
                .param("amount", amount)
                .param("payee", Text.normalise(form.payee()))
                .param("voucher", voucher)
                .param("note", FreeText.of(form.note()))
                .param("reason", reason)
                .param("by", tenancy.currentUser().username())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }
}
