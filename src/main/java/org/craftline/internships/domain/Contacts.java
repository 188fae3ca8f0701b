package org.craftline.internships.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The school supervisor's visits and calls: recorded by the school's staff, read with the placement. */
@Service
public class Contacts {

    private final JdbcClient jdbc;
    private final PlacementQueries placements;
    private final InternshipAccess access;
    private final AuditLog audit;
    private final Clock clock;

    Contacts(JdbcClient jdbc, PlacementQueries placements, InternshipAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.placements = placements;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ContactView> list(long internshipId) {
        placements.get(internshipId);
        return jdbc.sql("SELECT id, kind, contacted_on, note, recorded_by, recorded_at FROM internship_contact"
                        + " WHERE internship_id = :id ORDER BY contacted_on DESC, id DESC")
                .param("id", internshipId)
                .query(ContactView.class)
                .list();
    }

    @Transactional
    public ContactView record(long internshipId, ContactForm form) {
        PlacementView p = placements.get(internshipId);
        long schoolId = placements.schoolOf(internshipId);
        access.checkSchoolWrite(schoolId);
        if (form.contactedOn().isAfter(LocalDate.now(clock))
                || form.contactedOn().isBefore(p.startsOn().minusYears(1))) {
            throw new InvalidFieldException("contactedOn", "internship.contact.date");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO internship_contact (internship_id, kind, contacted_on, note, recorded_by, recorded_at)"
                        + " VALUES (:internship, :kind, :on, :note, :by, :at)")
                .param("internship", internshipId)
                .param("kind", form.kind().name())
                .param("on", form.contactedOn())
                .param("note", form.note().strip())
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        ContactView created = list(internshipId).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
        audit.created("internship_contact", String.valueOf(id), schoolId, created);
        return created;
    }
}
