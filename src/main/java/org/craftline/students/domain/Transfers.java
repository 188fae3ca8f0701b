package org.craftline.students.domain;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.AuditLog;
import org.craftline.platform.StudentHoldings;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.students.domain.StatusChanges.Current;
import org.craftline.students.domain.StatusChanges.Moved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * 转学: out of one school and, when the receiving school is of this installation, into it in the same
 * step. The receiving school gets a record of its own (same person, entry year and guardians; its
 * major, the number it is known by there, no class yet) whose history begins with the transfer in,
 * so its users see the student from the transfer on and the sending school's history stays its own.
 * The student's sign-in and what the student holds as a person (certificates) move to the new record
 * ({@code StudentHoldings}); placements and course results stay with the school that kept them, and
 * the new school's graduation check finds a passed internship through {@code transfer_origin_id}.
 * A school outside the installation is recorded by name.
 */
@Component
class Transfers {

    private final JdbcClient jdbc;
    private final OrganisationApi organisation;
    private final AuditLog audit;
    private final Tenancy tenancy;
    private final Clock clock;
    private final Students students;
    private final List<StudentHoldings> holdings;

    Transfers(
            JdbcClient jdbc,
            OrganisationApi organisation,
            AuditLog audit,
            Tenancy tenancy,
            Clock clock,
            Students students,
            List<StudentHoldings> holdings) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
        this.students = students;
        this.holdings = holdings;
    }

    /**
     * The receiving school is named once, in the installation or outside it, and can take the
     * student; answers it when it is of this installation (null outside it).
     */
    Receiving check(Current from, StatusForm form) {
        boolean inside = !StatusChanges.blank(form.schoolCode());
        if (inside == !StatusChanges.blank(form.schoolName())) {
            throw new InvalidFieldException("schoolCode", "student.transfer.schoolRequired");
        }
        if (!inside) {
            return null;
        }
        Receiving to = receiving(from, form);
        if (students.numberTaken(to.schoolId(), to.number(), -1)) {
            throw StatusChanges.numberTaken(to.number());
        }
        return to;
    }

    /** Creates the receiving school's record, as {@link #check} found it; answers that school. */
    Long receive(Current from, StatusForm form, Receiving to) {
        if (to == null) {
            return null;
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                               phone, major_id, class_id, entry_year, status, national_number, full_time,
                               transfer_origin_id)
                        SELECT :school, :number, name, id_number, gender, birth_date, household, phone, :major, NULL,
                               entry_year, :status, national_number, full_time, COALESCE(transfer_origin_id, id)
                        FROM student WHERE id = :id
                        """)
                .param("school", to.schoolId())
                .param("number", to.number())
                .param("major", to.majorId())
                .param("status", from.status().name())
                .param("id", from.id())
                .update(keys, "id");
        long created = keys.getKeyAs(Long.class);
        int guardians = jdbc.sql("""
                        INSERT INTO guardian (school_id, student_id, name, relation, phone, legal_guardian, created_at)
                        SELECT :school, :created, name, relation, phone, legal_guardian, created_at
                        FROM guardian WHERE student_id = :id
                        """)
                .param("school", to.schoolId())
                .param("created", created)
                .param("id", from.id())
                .update();
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("fromSchool", from.schoolId());
        audited.put("studentNumber", to.number());
        audited.put("document", form.document());
        audited.put("status", from.status().name());
        audited.put("guardiansCopied", guardians);
        // the sign-in (loginsMoved) and the certificates (certificatesMoved), each module its own
        for (StudentHoldings held : holdings) {
            audited.put(held.audited(), held.move(from.id(), created, to.schoolId()));
        }
        // a student on 休学 arrives on 休学: the transfer moves the record, not the leave
        var arrived = new Moved(from.status(), to.majorId(), null, from.entryYear());
        StatusChanges.insertHistory(
                jdbc,
                created,
                StatusChangeKind.TRANSFER_IN,
                form,
                from,
                arrived,
                from.schoolId(),
                tenancy.currentUser().username(),
                clock);
        audit.record("TRANSFER_IN", "student", String.valueOf(created), to.schoolId(), null, audited);
        return to.schoolId();
    }

    record Receiving(long schoolId, long majorId, String number) {}

    private Receiving receiving(Current from, StatusForm form) {
        long school = organisation
                .schoolIdByCode(form.schoolCode().trim())
                .orElseThrow(() -> new InvalidFieldException("schoolCode", "school.unknown"));
        if (school == from.schoolId()) {
            throw new InvalidFieldException("schoolCode", "student.transfer.sameSchool");
        }
        String majorCode = StatusChanges.blank(form.majorCode())
                ? from.majorCode()
                : form.majorCode().trim();
        Long major = organisation.majorsOffered(school).get(majorCode);
        if (major == null) {
            throw new InvalidFieldException("majorCode", "student.transfer.majorNotOffered");
        }
        String number = StatusChanges.blank(form.newNumber())
                ? from.studentNumber()
                : form.newNumber().trim();
        if (!StudentRules.NUMBER.matcher(number).matches()) {
            throw new InvalidFieldException("newNumber", "student.number.pattern");
        }
        return new Receiving(school, major, number);
    }
}
