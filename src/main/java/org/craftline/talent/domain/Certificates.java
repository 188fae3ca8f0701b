package org.craftline.talent.domain;

import java.util.ArrayList;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.Text;
import org.craftline.shared.TextSearch;
import org.craftline.shared.Where;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Certificates, titles and honours of the students, graduates and staff of the schools in scope.
 * A certificate number is unique per issuing body across all schools.
 */
@Service
public class Certificates {

    /** A trainee's ID number masked in SQL as ResidentIds.mask does: the number never leaves the database. */
    static final String TRAINEE_MASKED_ID = "SUBSTRING(tr.id_number, 1, 4) || '**********' || tr.id_tail";

    static final String SELECT = "c.id, sc.code AS school_code, sc.name AS school_name, s.student_number,"
            + " t.staff_number, " + TRAINEE_MASKED_ID + " AS trainee_id_number,"
            + " COALESCE(s.name, t.name, tr.name) AS holder_name, c.kind, c.grade, c.grade_rank, c.name,"
            + " c.issuing_body, c.cert_number, c.issued_year, c.issued_on, c.status, c.version";
    static final String FROM = "certificate c JOIN school sc ON sc.id = c.school_id"
            + " LEFT JOIN student s ON s.id = c.student_id LEFT JOIN staff t ON t.id = c.staff_id"
            + " LEFT JOIN trainee tr ON tr.id = c.trainee_id";

    /** Where the holder search looks on H2: the student's, the staff member's or the trainee's number and name. */
    private static final TextSearch.Source[] HOLDERS = {
        TextSearch.Source.via("student_id", "student", "s", "student_number", "name"),
        TextSearch.Source.via("staff_id", "staff", "t", "staff_number", "name"),
        TextSearch.Source.via("trainee_id", "trainee", "tr", null, "name")
    };

    /**
     * On PostgreSQL: the holder's name as the certificate keeps it ({@code holder_name}, copied and
     * kept by the triggers of migration V70), the numbers through the holder's table.
     */
    private static final TextSearch.Source[] HOLDERS_POSTGRES = {
        TextSearch.Source.own(null, "holder_name").inNameOrder(),
        TextSearch.Source.via("student_id", "student", "s", "student_number"),
        TextSearch.Source.via("staff_id", "staff", "t", "staff_number")
    };

    /**
     * School by school, the newest first within each: for one school the same as newest first; for a
     * bureau's schools the index (school_id, issued_year, id) then reads each school's rows in order
     * instead of the schools' rows all being sorted (1.3 s for a bureau over 1M certificates).
     */
    private static final List<String> NEWEST_FIRST = List.of("c.school_id", "c.issued_year", "c.id");

    private static final List<String> BY_HOLDER_NAME = List.of("(c.holder_name COLLATE \"C\")", "c.school_id", "c.id");

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Holders holders;
    private final EditVersions versions;

    Certificates(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, Holders holders, EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.holders = holders;
        this.versions = versions;
    }

    /** The list's filters; {@code holder} matches a holder's number or name. */
    public record Filter(CertificateKind kind, Grade grade, CertificateStatus status, String holder, String number) {}

    /** A checked certificate, ready to be written. */
    private record Valid(long schoolId, Holders.Holder holder, CertificateForm form, int year) {}

    @Transactional(readOnly = true)
    public Paged<CertificateView> list(Filter f, PageQuery page) {
        Scope scope = tenancy.scope();
        Where where = Where.of(scope.sql("c.school_id"), scope.params())
                .and(
                        "c.kind = :kind",
                        "kind",
                        f.kind() == null ? null : f.kind().name())
                .and(
                        "c.grade = :grade",
                        "grade",
                        f.grade() == null ? null : f.grade().name())
                .and(
                        "c.status = :status",
                        "status",
                        f.status() == null ? null : f.status().name())
                .and("c.cert_number = :number", "number", f.number());
        boolean postgres = SqlVendor.postgres(jdbc);
        TextSearch.apply(
                where, "holder", f.holder(), postgres, "certificate", "c", postgres ? HOLDERS_POSTGRES : HOLDERS);
        Keyset<CertificateView> keyset = Keyset.of(
                order(f.holder(), postgres), !byHolderName(f.holder(), postgres), "c.id", CertificateView::id, page);
        // on PostgreSQL every condition is on the certificate's own columns (the holder's numbers
        // through subqueries) and its joins neither drop nor repeat a row (the school by a required
        // key, the holders left joined by theirs): the total is counted, and the page cut, on the
        // certificates alone, by their indexes (a common name's 477 certificates at 1,000,000 were
        // counted by a bitmap scan and a sort, run M of docs/benchmarks.md)
        return SqlPages.fetch(
                jdbc,
                SELECT,
                FROM,
                postgres ? "certificate c" : FROM,
                where,
                null,
                page,
                keyset,
                CertificateView.class);
    }

    /**
     * Whether the list is ordered by the holder's name for this holder search: a name search on
     * PostgreSQL (not a number), which {@code certificate_holder_name_order_ix (holder_name COLLATE
     * "C", school_id, id)} reads in order, so a page of a surname held by thousands stops after its
     * rows; otherwise the newest first.
     */
    private static boolean byHolderName(String holder, boolean postgres) {
        return postgres
                && holder != null
                && !holder.isBlank()
                && TextSearch.rule(holder.strip(), true) != TextSearch.Rule.NUMBER;
    }

    /**
     * The list's ORDER BY columns (together unique) for a holder search: the holder's name in byte
     * order, then school and id, ascending, when {@link #byHolderName}; else the school, the year of
     * issue and the id, all descending.
     */
    private static List<String> order(String holder, boolean postgres) {
        return byHolderName(holder, postgres) ? BY_HOLDER_NAME : NEWEST_FIRST;
    }

    @Transactional(readOnly = true)
    public CertificateView get(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE c.id = :id AND " + scope.sql("c.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(CertificateView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("certificate", String.valueOf(id)));
    }

    /** The signed-in student's or graduate's own certificates. */
    @Transactional(readOnly = true)
    public List<CertificateView> mine() {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.STUDENT || user.studentId() == null) {
            throw new AccessDeniedException("only a student bound to its record has own certificates");
        }
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM
                        + " WHERE c.student_id = :me ORDER BY c.kind, c.grade_rank DESC, c.issued_year DESC")
                .param("me", user.studentId())
                .query(CertificateView.class)
                .list();
    }

    @Transactional
    public CertificateView create(CertificateForm form) {
        long schoolId = tenancy.administeredSchool(form.schoolCode());
        Valid v = check(schoolId, form, null);
        var keys = new GeneratedKeyHolder();
        unique(() -> write(v, jdbc.sql("""
                INSERT INTO certificate (school_id, student_id, staff_id, trainee_id, kind, grade, grade_rank, name, issuing_body,
                       cert_number, issued_year, issued_on, status)
                VALUES (:school, :student, :staff, :trainee, :kind, :grade, :rank, :name, :body, :number, :year, :on, :status)
                """)).update(keys, "id"));
        CertificateView created = get(keys.getKeyAs(Long.class));
        audit.created("certificate", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    @Transactional
    public CertificateView update(long id, CertificateForm form) {
        CertificateView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        Valid v = check(schoolId, form, id);
        versions.claim("certificate", id, form.version(), "certificate", String.valueOf(id));
        unique(() -> write(v, jdbc.sql("""
                        UPDATE certificate SET student_id = :student, staff_id = :staff, trainee_id = :trainee, kind = :kind, grade = :grade,
                               grade_rank = :rank, name = :name, issuing_body = :body, cert_number = :number,
                               issued_year = :year, issued_on = :on, status = :status
                        WHERE id = :id
                        """).param("id", id)).update());
        CertificateView after = get(id);
        audit.updated("certificate", String.valueOf(id), schoolId, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        CertificateView before = get(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        jdbc.sql("DELETE FROM certificate WHERE id = :id").param("id", id).update();
        audit.deleted("certificate", String.valueOf(id), schoolId, before);
    }

    /** The unique constraint settles a race between two writers of the same number. */
    private static void unique(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            throw taken();
        }
    }

    private JdbcClient.StatementSpec write(Valid v, JdbcClient.StatementSpec sql) {
        CertificateForm f = v.form();
        return sql.param("school", v.schoolId())
                .param("student", v.holder().studentId())
                .param("staff", v.holder().staffId())
                .param("trainee", v.holder().traineeId())
                .param("kind", f.kind().name())
                .param("grade", f.grade().name())
                .param("rank", f.grade().rank())
                // folded as the import folds them, so a page entry and its re-import are one certificate
                .param("name", Text.normalise(f.name()))
                .param("body", Text.normalise(f.issuingBody()))
                .param("number", StringUtils.hasText(f.certNumber()) ? Text.normalise(f.certNumber()) : null)
                .param("year", v.year())
                .param("on", f.issuedOn())
                .param("status", (f.status() == null ? CertificateStatus.VALID : f.status()).name());
    }

    private Valid check(long schoolId, CertificateForm form, Long self) {
        List<InvalidFieldException> problems = new ArrayList<>();
        Holders.Holder holder = holder(schoolId, form, self, problems);
        if (form.grade().kind() != form.kind()) {
            problems.add(new InvalidFieldException("grade", "certificate.grade.kind"));
        }
        boolean numbered = StringUtils.hasText(form.certNumber());
        if (!numbered && form.kind().numberRequired()) {
            problems.add(new InvalidFieldException("certNumber", "certificate.number.required"));
        }
        Integer year = form.issuedOn() != null ? Integer.valueOf(form.issuedOn().getYear()) : form.issuedYear();
        if (year == null) {
            problems.add(new InvalidFieldException("issuedYear", "certificate.year.required"));
        } else if (form.issuedYear() != null && !year.equals(form.issuedYear())) {
            problems.add(new InvalidFieldException("issuedYear", "certificate.year.mismatch"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        if (numbered) {
            checkNumberFree(Text.normalise(form.issuingBody()), Text.normalise(form.certNumber()), self);
        }
        return new Valid(schoolId, holder, form, year);
    }

    private Holders.Holder holder(
            long schoolId, CertificateForm form, Long self, List<InvalidFieldException> problems) {
        boolean student = StringUtils.hasText(form.studentNumber());
        boolean staff = StringUtils.hasText(form.staffNumber());
        boolean trainee = StringUtils.hasText(form.traineeIdNumber());
        if ((student ? 1 : 0) + (staff ? 1 : 0) + (trainee ? 1 : 0) != 1) {
            problems.add(new InvalidFieldException("studentNumber", "certificate.holder.oneOfThree"));
            return null;
        }
        if (trainee) {
            var id = form.traineeIdNumber().contains("*")
                    ? storedTrainee(self, form.traineeIdNumber())
                    : holders.trainee(schoolId, form.traineeIdNumber());
            if (id.isEmpty()) {
                problems.add(new InvalidFieldException("traineeIdNumber", "certificate.holder.unknown"));
                return null;
            }
            return new Holders.Holder(null, null, id.get());
        }
        var id =
                student ? holders.student(schoolId, form.studentNumber()) : holders.staff(schoolId, form.staffNumber());
        if (id.isEmpty()) {
            problems.add(
                    new InvalidFieldException(student ? "studentNumber" : "staffNumber", "certificate.holder.unknown"));
            return null;
        }
        return student ? new Holders.Holder(id.get(), null) : new Holders.Holder(null, id.get());
    }

    /** An edit shows the trainee's number masked: sent back unchanged, it keeps the stored trainee. */
    private java.util.Optional<Long> storedTrainee(Long self, String masked) {
        if (self == null) {
            return java.util.Optional.empty();
        }
        return jdbc.sql("SELECT tr.id FROM certificate c JOIN trainee tr ON tr.id = c.trainee_id WHERE c.id = :id AND "
                        + TRAINEE_MASKED_ID + " = :masked")
                .param("id", self)
                .param("masked", masked.strip())
                .query(Long.class)
                .optional();
    }

    /** A number already recorded by the body (in any school) is refused without saying whose it is. */
    private void checkNumberFree(String body, String number, Long self) {
        long taken = jdbc.sql("SELECT COUNT(*) FROM certificate WHERE issuing_body = :b AND cert_number = :n"
                        + (self == null ? "" : " AND id <> :self"))
                .param("b", body)
                .param("n", number)
                .params(self == null ? java.util.Map.of() : java.util.Map.of("self", self))
                .query(Long.class)
                .single();
        if (taken > 0) {
            throw taken();
        }
    }

    static ConflictException taken() {
        return new ConflictException(
                "certificate.number.taken", "certNumber", "certificate number already recorded by the issuing body");
    }

    private long schoolIdOf(long id) {
        return jdbc.sql("SELECT school_id FROM certificate WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
