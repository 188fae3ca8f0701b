package org.craftline.aid.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.Scope;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.Text;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The aid ledger: entries are added, never changed nor deleted; taking one back writes a reversal
 * entry of the negative amount, once. Bank cards leave this service masked; an administrator's reveal
 * shows one whole and is audited. Nothing here logs a card.
 */
@Service
public class Disbursements {

    static final String SELECT =
            "d.id, d.school_id, s.student_number, s.name AS student_name, d.term, d.kind, d.amount,"
                    + " d.paid_on, d.bank_card, d.voucher_no, d.note, d.reverses_id, d.reversed, d.created_by, d.created_at";
    static final String FROM = "aid_disbursement d JOIN student s ON s.id = d.student_id";

    private final JdbcClient jdbc;
    private final AidStudents students;
    private final Payments payments;
    private final AuditLog audit;
    private final Clock clock;

    Disbursements(JdbcClient jdbc, AidStudents students, Payments payments, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.students = students;
        this.payments = payments;
        this.audit = audit;
        this.clock = clock;
    }

    /** The filters of the ledger: a term, a kind, a student number or name. */
    public record Filter(String term, AidKind kind, String q) {}

    @Transactional(readOnly = true)
    public Paged<DisbursementView> list(Filter filter, PageQuery page) {
        Scope scope = students.scope();
        Where where = Where.of(scope.sql("d.school_id"), scope.params())
                .and("d.term = :term", "term", filter.term())
                .and(
                        "d.kind = :kind",
                        "kind",
                        filter.kind() == null ? null : filter.kind().name());
        boolean postgres = SqlVendor.postgres(jdbc);
        StudentNameSearch.apply(where, filter.q(), postgres, "aid_disbursement", "d");
        // school by school, the latest payment first: the index (school_id, paid_on, id) read
        // backwards; a name search on PostgreSQL by the name
        Keyset<DisbursementView> keyset = StudentNameSearch.byName(filter.q(), postgres)
                ? Keyset.of(StudentNameSearch.byNameOrder("d"), false, "d.id", DisbursementView::id, page)
                : Keyset.of(List.of("d.school_id", "d.paid_on", "d.id"), true, "d.id", DisbursementView::id, page);
        return SqlPages.fetch(jdbc, SELECT, FROM, where, page, keyset, DisbursementView.class)
                .map(DisbursementView::masked);
    }

    @Transactional(readOnly = true)
    public DisbursementView get(long id) {
        return find(id).masked();
    }

    /** The entry with its bank card whole, for an administrator who needs it; audited. */
    @Transactional
    public DisbursementView reveal(long id) {
        DisbursementView entry = find(id);
        if (!students.mayReveal()) {
            throw new AccessDeniedException("only administrators reveal bank cards");
        }
        audit.record(
                "REVEAL", "aid-disbursement", String.valueOf(id), entry.schoolId(), null, Map.of("fields", "bankCard"));
        return entry;
    }

    @Transactional
    public DisbursementView pay(DisbursementForm form) {
        AidStudents.StudentRef student = students.forChange(form.schoolCode(), form.studentNumber());
        Payments.Valid p = payments.check(student, form);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO aid_disbursement (school_id, student_id, term, kind, amount, paid_on, bank_card,
                               voucher_no, note, reverses_id, reversed, created_by, created_at)
                        VALUES (:school, :student, :term, :kind, :amount, :on, :card, :voucher, :note, NULL, FALSE,
                               :by, :at)
                        """)
                .param("school", student.schoolId())
                .param("student", student.id())
                .param("term", p.term().toString())
                .param("kind", form.kind().name())
                .param("amount", p.amount())
                .param("on", form.paidOn())
                .param("card", p.bankCard())
                .param("voucher", p.voucherNo())
                .param("note", Text.blankToNull(Text.normalise(form.note())))
                .param("by", students.username())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        DisbursementView created = get(keys.getKeyAs(Long.class));
        audit.created("aid-disbursement", String.valueOf(created.id()), student.schoolId(), created);
        return created;
    }

    /** Takes an entry back by a reversal entry of its negative amount; the original stays, marked reversed. */
    @Transactional
    public DisbursementView reverse(long id, String reason) {
        DisbursementView original = get(id);
        students.checkWrite(original.schoolId());
        if (!StringUtils.hasText(reason) || Text.longerThan(reason.strip(), 500)) {
            throw new InvalidFieldException("reason", "aid.reversal.reason");
        }
        if (original.reversal()) {
            throw new ConflictException("aid.reversal.ofReversal", null, String.valueOf(id));
        }
        // the flag is set once: of two reversals at the same time, the second finds it set
        int marked = jdbc.sql("UPDATE aid_disbursement SET reversed = TRUE WHERE id = :id AND reversed = FALSE")
                .param("id", id)
                .update();
        if (marked != 1) {
            throw new ConflictException("aid.reversal.twice", null, String.valueOf(id));
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO aid_disbursement (school_id, student_id, term, kind, amount, paid_on, bank_card,
                               voucher_no, note, reverses_id, reversed, created_by, created_at)
                        SELECT school_id, student_id, term, kind, -amount, :on, bank_card, NULL, :reason, id, FALSE,
                               :by, :at
                        FROM aid_disbursement WHERE id = :id
                        """)
                .param("on", LocalDate.now(clock))
                .param("reason", reason.strip())
                .param("by", students.username())
                .param("at", OffsetDateTime.now(clock))
                .param("id", id)
                .update(keys, "id");
        DisbursementView reversal = get(keys.getKeyAs(Long.class));
        audit.record("REVERSE", "aid-disbursement", String.valueOf(id), original.schoolId(), original, reversal);
        return reversal;
    }

    private DisbursementView find(long id) {
        Scope scope = students.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE d.id = :id AND " + scope.sql("d.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(DisbursementView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("aid-disbursement", String.valueOf(id)));
    }
}
