package org.craftline.internships.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.craftline.internships.domain.DemoPlan.Planned;
import org.craftline.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's audit trail of internships: attempts the rules refused, judged by the same check as
 * every entry ({@link PlacementCheck}) and written as its refusals are (action {@code REFUSE}, the
 * attempt and its rules), and two placements put at risk by a cover change, audited as the change
 * of cover is. (The refusal's own path writes in a separate transaction, which would not see the
 * demo's uncommitted school; here it is written in the demo's.)
 */
@Component
class InternshipsDemoAudit {

    static final String ADMIN = "zp-admin";
    static final LocalDate RISK_INSURED_TO = LocalDate.of(2026, 12, 31);

    private final JdbcClient jdbc;
    private final PlacementCheck check;
    private final AuditLog audit;

    InternshipsDemoAudit(JdbcClient jdbc, PlacementCheck check, AuditLog audit) {
        this.jdbc = jdbc;
        this.check = check;
        this.audit = audit;
    }

    void load(long schoolId, List<Long> ids, List<Planned> plan, List<DemoPlan.Student> atSchool) {
        Planned placed = plan.get(0);
        String firstYear = jdbc.sql("SELECT MIN(student_number) FROM student WHERE school_id = :s AND entry_year = 2026"
                        + " AND status = 'ENROLLED'")
                .param("s", schoolId)
                .query(String.class)
                .single();
        LocalDate start = LocalDate.of(2026, 11, 23);
        LocalDate end = LocalDate.of(2027, 3, 5);
        refuse(schoolId, form(firstYear, placed, start, end, 8, 5, false, end, "王建国"), true);
        DemoPlan.Student minor = atSchool.stream()
                .filter(s -> PlacementRules.isMinor(s.birthDate(), start))
                .findFirst()
                .orElseThrow();
        List<DemoPlan.Student> others =
                atSchool.stream().filter(s -> s != minor).limit(2).toList();
        refuse(schoolId, form(others.get(0).number(), placed, start, end, 10, 6, true, end, "李秀英"), true);
        refuse(schoolId, form(minor.number(), placed, start, end, 8, 5, false, end, ""), false);
        refuse(schoolId, form(others.get(1).number(), placed, start, end, 8, 5, false, RISK_INSURED_TO, "张国强"), true);
        refuse(schoolId, form(placed.student().number(), placed, start, end, 8, 5, false, end, "刘桂兰"), true);
        int carpet = plan.indexOf(plan.stream()
                .filter(p -> DemoPlan.CARPET_MAJOR.equals(p.student().majorCode()))
                .findFirst()
                .orElse(plan.get(1)));
        atRisk(schoolId, ids.get(carpet));
        atRisk(schoolId, ids.get(plan.size() / 2));
    }

    private void refuse(long schoolId, PlacementForm form, boolean consent) {
        var target = check.resolve(schoolId, form);
        Set<Rule> broken = check.broken(target, form, null, true, consent);
        audit.recordAs(
                InternshipsDemoRecords.TEACHER,
                "REFUSE",
                "internship",
                form.studentNumber(),
                schoolId,
                null,
                PlacementCheck.attempt(form, broken));
    }

    private static PlacementForm form(
            String student,
            Planned at,
            LocalDate start,
            LocalDate end,
            int hours,
            int days,
            boolean nights,
            LocalDate insuredTo,
            String guardian) {
        return new PlacementForm(
                InternshipsDemo.SCHOOL,
                student,
                at.unit().id(),
                InternshipKind.POST,
                at.post(),
                40,
                start,
                end,
                "T0001",
                "赵师傅",
                "13912345678",
                BigDecimal.valueOf(hours),
                days,
                nights,
                false,
                false,
                BigDecimal.valueOf(3000),
                BigDecimal.valueOf(3500),
                DemoPlan.INSURERS[0],
                "PICC2026DRAFT",
                start.minusDays(1),
                insuredTo,
                null,
                guardian,
                false,
                null,
                null);
    }

    /** The insurer's renewal covers only to the end of the year: recorded, the placement now at risk. */
    private void atRisk(long schoolId, long id) {
        PlacementView before = view(id);
        jdbc.sql("UPDATE internship SET policy_number = policy_number || '-R', insured_to = :to WHERE id = :id")
                .param("to", RISK_INSURED_TO)
                .param("id", id)
                .update();
        audit.recordAs(
                ADMIN, "UPDATE", "internship", String.valueOf(id), schoolId, before.audited(), view(id).audited());
    }

    private PlacementView view(long id) {
        return jdbc.sql("SELECT " + PlacementQueries.SELECT + " FROM " + PlacementQueries.FROM + " WHERE i.id = :id")
                .param("id", id)
                .query(PlacementView.class)
                .single();
    }
}
