package org.craftline.employment.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.craftline.employment.MatchRule;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.jobs.ApplicantHired;
import org.craftline.platform.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A hire through a posting records the graduate's destination at the current follow-up point:
 * employed at the unit, matched and local by the same rules as every destination, channel 学校推荐, the
 * sector its industry implies,
 * waiting for the school's confirmation as a self-report does. Runs in the hire's transaction.
 * A student not yet graduated has no destination yet: the hire stays on its application.
 */
@Component
class HireDestinations {

    private final JdbcClient jdbc;
    private final EnterprisesApi enterprises;
    private final Destinations destinations;
    private final AuditLog audit;

    HireDestinations(JdbcClient jdbc, EnterprisesApi enterprises, Destinations destinations, AuditLog audit) {
        this.jdbc = jdbc;
        this.enterprises = enterprises;
        this.destinations = destinations;
        this.audit = audit;
    }

    /** A graduate's facts the destination needs. */
    record Hired(long schoolId, Integer graduationYear, String majorCode, long schoolRegionId) {}

    @EventListener
    void on(ApplicantHired hire) {
        Hired g = jdbc.sql(
                        "SELECT s.school_id, s.graduation_year, m.code AS major_code, sc.region_id AS school_region_id"
                                + " FROM student s JOIN major m ON m.id = s.major_id JOIN school sc ON sc.id = s.school_id"
                                + " WHERE s.id = :s")
                .param("s", hire.studentId())
                .query(Hired.class)
                .single();
        if (g.graduationYear() == null) {
            return;
        }
        var unit = enterprises.byId(hire.enterpriseId()).orElseThrow();
        FollowUp point = pointOn(g.graduationYear(), hire.hiredOn());
        Map<String, Object> key = Map.of("s", hire.studentId(), "p", point.name());
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM destination"
                        + " WHERE student_id = :s AND follow_up = :p")
                .params(key)
                .query(Integer.class)
                .single();
        jdbc.sql("DELETE FROM destination WHERE student_id = :s AND follow_up = :p")
                .params(key)
                .update();
        jdbc.sql("""
                        INSERT INTO destination (student_id, school_id, graduation_year, follow_up, follow_up_rank,
                          recorded_on, kind, enterprise_id, position, local_job, matched, source, confirmed, latest,
                          version, channel, sector)
                        VALUES (:s, :school, :year, :p, :rank, :on, 'EMPLOYED', :unit, :position, :local, :matched,
                          'HIRE', FALSE, FALSE, :version, 'SCHOOL', :sector)
                        """)
                .params(key)
                .param("school", g.schoolId())
                .param("year", g.graduationYear())
                .param("rank", point.rank())
                .param("on", hire.hiredOn())
                .param("unit", unit.id())
                .param("position", hire.position())
                .param("local", unit.regionId() == g.schoolRegionId())
                .param("matched", MatchRule.matches(g.majorCode(), unit.industry()))
                .param("version", version)
                .param(
                        "sector",
                        java.util.Optional.ofNullable(Sector.of(unit.industry()))
                                .map(Sector::name)
                                .orElse(null))
                .update();
        destinations.refreshLatest(hire.studentId());
        audit.record(
                "HIRE",
                "destination",
                hire.studentId() + "/" + point,
                g.schoolId(),
                null,
                Map.of("application", hire.applicationId(), "enterpriseId", unit.id()));
    }

    /**
     * The follow-up point a day falls in, counted from 1 July of the graduation year: under six
     * months at graduation, then six months, one year (until three), three years (until four), later.
     */
    static FollowUp pointOn(int graduationYear, LocalDate day) {
        long months = ChronoUnit.MONTHS.between(LocalDate.of(graduationYear, 7, 1), day);
        if (months < 6) {
            return FollowUp.AT_GRADUATION;
        }
        if (months < 12) {
            return FollowUp.MONTHS_6;
        }
        if (months < 36) {
            return FollowUp.YEAR_1;
        }
        return months < 48 ? FollowUp.YEAR_3 : FollowUp.LATER;
    }
}
