package org.craftline.internships.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Incidents of a placement (an injury, a dispute) with their follow-up and closing date: recorded
 * by the school, and by the enterprise for its own unit's interns.
 */
@Service
public class Incidents {

    private final JdbcClient jdbc;
    private final PlacementQueries placements;
    private final InternshipAccess access;
    private final EditVersions versions;
    private final AuditLog audit;
    private final Clock clock;

    Incidents(
            JdbcClient jdbc,
            PlacementQueries placements,
            InternshipAccess access,
            EditVersions versions,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.placements = placements;
        this.access = access;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<IncidentView> list(long internshipId) {
        placements.get(internshipId);
        return jdbc.sql(
                        "SELECT id, kind, occurred_on, description, follow_up, closed_on, recorded_by, recorded_at,"
                                + " version FROM internship_incident WHERE internship_id = :id ORDER BY occurred_on DESC, id DESC")
                .param("id", internshipId)
                .query(IncidentView.class)
                .list();
    }

    @Transactional
    public IncidentView record(long internshipId, IncidentForm form) {
        long schoolId = checkWrite(internshipId);
        checkDates(form);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO internship_incident (internship_id, kind, occurred_on, description, follow_up,
                          closed_on, recorded_by, recorded_at)
                        VALUES (:internship, :kind, :on, :description, :followUp, :closedOn, :by, :at)""")
                .param("internship", internshipId)
                .param("kind", form.kind().name())
                .param("on", form.occurredOn())
                .param("description", form.description().strip())
                .param("followUp", blankToNull(form.followUp()))
                .param("closedOn", form.closedOn())
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        IncidentView created = get(internshipId, keys.getKeyAs(Long.class));
        audit.created("internship_incident", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    /** Records the follow-up (and the closing date) of an incident, from the version it was read at. */
    @Transactional
    public IncidentView update(long internshipId, long incidentId, IncidentForm form) {
        long schoolId = checkWrite(internshipId);
        IncidentView before = get(internshipId, incidentId);
        checkDates(form);
        versions.claim(
                "internship_incident", incidentId, form.version(), "internship_incident", String.valueOf(incidentId));
        jdbc.sql("UPDATE internship_incident SET kind = :kind, occurred_on = :on, description = :description,"
                        + " follow_up = :followUp, closed_on = :closedOn WHERE id = :id")
                .param("kind", form.kind().name())
                .param("on", form.occurredOn())
                .param("description", form.description().strip())
                .param("followUp", blankToNull(form.followUp()))
                .param("closedOn", form.closedOn())
                .param("id", incidentId)
                .update();
        IncidentView after = get(internshipId, incidentId);
        audit.updated("internship_incident", String.valueOf(incidentId), schoolId, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public IncidentView get(long internshipId, long incidentId) {
        return list(internshipId).stream()
                .filter(i -> i.id() == incidentId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("incident", String.valueOf(incidentId)));
    }

    /** The school's staff, or the enterprise for its own interns (the reach has checked the unit). */
    private long checkWrite(long internshipId) {
        placements.get(internshipId);
        long schoolId = placements.schoolOf(internshipId);
        if (access.user().role() != Role.ENTERPRISE) {
            access.checkSchoolWrite(schoolId);
        }
        return schoolId;
    }

    private void checkDates(IncidentForm form) {
        if (form.occurredOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("occurredOn", "internship.incident.future");
        }
        if (form.closedOn() != null && form.closedOn().isBefore(form.occurredOn())) {
            throw new InvalidFieldException("closedOn", "internship.incident.closedBefore");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
