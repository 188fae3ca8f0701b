package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student's or graduate's consent to be recommended to units: given unless it opted out; it
 * changes only its own.
 */
@Service
public class RecommendationConsent {

    private final JdbcClient jdbc;
    private final JobBoard board;
    private final Clock clock;

    RecommendationConsent(JdbcClient jdbc, JobBoard board, Clock clock) {
        this.jdbc = jdbc;
        this.board = board;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean optedOut() {
        return jdbc.sql("SELECT COUNT(*) FROM job_recommendation_optout WHERE student_id = :s")
                        .param("s", board.seeker().studentId())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Opts the signed-in student out ({@code true}) or back in; the same answer twice changes nothing. */
    @Transactional
    public boolean set(boolean optOut) {
        long me = board.seeker().studentId();
        if (!optOut) {
            jdbc.sql("DELETE FROM job_recommendation_optout WHERE student_id = :s")
                    .param("s", me)
                    .update();
            return false;
        }
        jdbc.sql("INSERT INTO job_recommendation_optout (student_id, opted_out_at) SELECT :s, :at"
                        + " WHERE NOT EXISTS (SELECT 1 FROM job_recommendation_optout WHERE student_id = :s)")
                .param("s", me)
                .param("at", OffsetDateTime.now(clock))
                .update();
        return optOut;
    }
}
