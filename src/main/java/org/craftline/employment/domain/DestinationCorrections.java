package org.craftline.employment.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's correction of a recorded destination's matched (对口) and local flags, with a
 * reason, audited: a graduate's own report names its employer in free text, so no rule can judge it.
 */
@Service
public class DestinationCorrections {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Destinations destinations;
    private final AuditLog audit;

    DestinationCorrections(JdbcClient jdbc, Tenancy tenancy, Destinations destinations, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.destinations = destinations;
        this.audit = audit;
    }

    /** Matched and local as the school judges them, and why; {@code version}: the destination's as read. */
    public record CorrectionForm(
            @NotNull Boolean matched,
            @NotNull Boolean local,
            @NotBlank @Size(max = 200) String reason,
            Integer version) {}

    @Transactional
    public DestinationView correct(long studentId, FollowUp point, CorrectionForm form) {
        Destinations.Graduate g = destinations.graduate(studentId);
        tenancy.checkAdministratorWrite(g.schoolId());
        DestinationView before = at(studentId, point);
        boolean working = before.kind().equals(DestinationKind.EMPLOYED.name())
                || before.kind().equals(DestinationKind.SELF_EMPLOYED.name());
        if (!working && (form.matched() || form.local())) {
            // matched and local employment are counted among the employed only
            throw new InvalidFieldException("matched", "destination.correction.notWorking");
        }
        destinations.claim(studentId, point, form.version());
        jdbc.sql("UPDATE destination SET matched = :m, local_job = :l, matched_reason = :r"
                        + " WHERE student_id = :s AND follow_up = :p")
                .param("m", form.matched())
                .param("l", form.local())
                .param("r", form.reason().strip())
                .param("s", studentId)
                .param("p", point.name())
                .update();
        DestinationView after = at(studentId, point);
        audit.updated(
                "destination",
                studentId + "/" + point,
                g.schoolId(),
                Map.of("matched", before.matched(), "local", before.localJob()),
                Map.of(
                        "matched",
                        after.matched(),
                        "local",
                        after.localJob(),
                        "reason",
                        form.reason().strip()));
        return after;
    }

    private DestinationView at(long studentId, FollowUp point) {
        return destinations.rows(studentId).stream()
                .filter(d -> d.followUp().equals(point.name()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("destination", studentId + "/" + point));
    }
}
