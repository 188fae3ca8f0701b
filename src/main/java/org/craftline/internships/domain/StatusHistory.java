package org.craftline.internships.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.craftline.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the history of a placement's statuses: which, from when, why, who recorded it. */
@Component
class StatusHistory {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    StatusHistory(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    void record(long id, InternshipStatus status, LocalDate on, String reason) {
        jdbc.sql("""
                        INSERT INTO internship_status_change (internship_id, status, changed_on, reason, recorded_by, recorded_at)
                        VALUES (:id, :status, :on, :reason, :by, :at)
                        """)
                .param("id", id)
                .param("status", status.name())
                .param("on", on)
                .param("reason", reason)
                .param("by", tenancy.currentUser().username())
                .param("at", OffsetDateTime.now(clock))
                .update();
    }
}
