package org.craftline.jobs.domain;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.craftline.jobs.ApplicantHired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo's applications: students and 2026 graduates of the school apply, units move them on up
 * to 30 November 2026; a hire of a graduate without work is published as {@link ApplicantHired}, so
 * the employment module records the destination exactly as for a hire on the page.
 */
@Component
class DemoApplications {

    static final LocalDate LAST_MOVE = LocalDate.of(2026, 11, 30);
    private static final ApplicationStage[] PATH = {
        ApplicationStage.APPLIED,
        ApplicationStage.SHORTLISTED,
        ApplicationStage.INTERVIEWED,
        ApplicationStage.OFFERED,
        ApplicationStage.HIRED
    };

    /** A demo posting, as the applications need it. */
    record Posting(long id, long unitId, String position, boolean internship, LocalDate posted, LocalDate deadline) {
        Posting withId(long newId) {
            return new Posting(newId, unitId, position, internship, posted, deadline);
        }
    }

    /** One application: its stages in order, each with its day. */
    private record Made(Posting posting, long student, List<ApplicationStage> stages, List<LocalDate> days) {}

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    DemoApplications(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Loads them; answers how many applications and how many hires. */
    int[] load(long school, List<Posting> postings, Random random) {
        List<Long> pupils = jdbc.queryForList(
                "SELECT id FROM student WHERE school_id = ? AND status = 'ENROLLED' ORDER BY id", Long.class, school);
        List<Long> graduates = jdbc.queryForList(
                "SELECT id FROM student WHERE school_id = ? AND graduation_year = 2026"
                        + " AND student_number <> 'G202600001' ORDER BY student_number",
                Long.class,
                school);
        // graduates without work at graduation: a hire gives them their destination
        Set<Long> hireable = new HashSet<>(jdbc.queryForList("""
                SELECT d.student_id FROM destination d WHERE d.school_id = ? AND d.graduation_year = 2026
                  AND d.follow_up = 'AT_GRADUATION' AND d.kind IN ('UNEMPLOYED', 'UNKNOWN')
                """, Long.class, school));
        // graduates still looking apply more than others
        List<Long> looking = graduates.stream().filter(hireable::contains).toList();
        List<Made> made = new ArrayList<>();
        for (Posting posting : postings) {
            Set<Long> applicants = new HashSet<>();
            for (int n = random.nextInt(7); n > 0; n--) {
                boolean pupil = posting.internship() || random.nextInt(10) < 3;
                List<Long> pool = pupil ? pupils : random.nextBoolean() ? looking : graduates;
                long student = pool.get(random.nextInt(pool.size()));
                if (applicants.add(student)) {
                    made.add(application(posting, student, hireable, random));
                }
            }
        }
        demoStudent(school, postings, made);
        List<Made> stored = made.stream().filter(m -> !m.stages().isEmpty()).toList();
        return new int[] {stored.size(), insert(school, stored)};
    }

    /** The demo user "student" (G202600001) has applied to the two open postings posted last. */
    private void demoStudent(long school, List<Posting> postings, List<Made> made) {
        long student = jdbc.queryForObject(
                "SELECT id FROM student WHERE school_id = ? AND student_number = 'G202600001'", Long.class, school);
        postings.stream()
                .filter(p -> !p.internship()
                        && p.deadline().isAfter(LAST_MOVE)
                        && p.posted().isBefore(LAST_MOVE))
                .sorted(java.util.Comparator.comparing(Posting::posted).reversed())
                .limit(2)
                .forEach(p -> made.add(new Made(
                        p,
                        student,
                        List.of(ApplicationStage.APPLIED),
                        List.of(p.posted().plusDays(1)))));
    }

    private static Made application(Posting posting, long student, Set<Long> hireable, Random random) {
        int roll = random.nextInt(100);
        // how far along the path it gets; a decline or a withdrawal ends it early
        int reach = roll < 30 ? 0 : roll < 45 ? 1 : roll < 57 ? 2 : roll < 65 ? 3 : roll < 80 ? 4 : random.nextInt(3);
        boolean declined = roll >= 80 && roll < 94;
        boolean withdrawn = roll >= 94;
        List<ApplicationStage> stages = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        LocalDate day = posting.posted().plusDays(1 + random.nextInt(20));
        for (int s = 0; s <= reach && !day.isAfter(LAST_MOVE); s++) {
            if (PATH[s] == ApplicationStage.HIRED && (posting.internship() || !hireable.remove(student))) {
                break; // only a graduate without work is hired, once
            }
            stages.add(PATH[s]);
            days.add(day);
            day = day.plusDays(3 + random.nextInt(10));
        }
        if ((declined || withdrawn) && !stages.isEmpty() && !day.isAfter(LAST_MOVE)) {
            stages.add(declined ? ApplicationStage.DECLINED : ApplicationStage.WITHDRAWN);
            days.add(day);
        }
        return new Made(posting, student, stages, days);
    }

    private int insert(long school, List<Made> made) {
        List<Object[]> rows = new ArrayList<>();
        for (Made m : made) {
            int last = m.stages().size() - 1;
            rows.add(new Object[] {
                m.posting().id(),
                m.student(),
                school,
                m.stages().get(last).name(),
                m.days().get(last),
                Timestamp.valueOf(m.days().get(0).atTime(20, 0))
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO job_application (posting_id, student_id, school_id, stage, stage_on, applied_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, rows);
        List<Long> ids = jdbc.queryForList(
                "SELECT a.id FROM job_application a JOIN posting p ON p.id = a.posting_id"
                        + " WHERE p.published_by LIKE 'zp-unit-%' ORDER BY a.id",
                Long.class);
        List<Object[]> history = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            Made m = made.get(i);
            for (int s = 0; s < m.stages().size(); s++) {
                history.add(new Object[] {
                    ids.get(i),
                    m.stages().get(s).name(),
                    m.days().get(s),
                    "demo",
                    Timestamp.valueOf(m.days().get(s).atTime(10, 0))
                });
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO job_application_stage (application_id, stage, stage_on, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?)
                """, history);
        int hires = 0;
        for (int i = 0; i < made.size(); i++) {
            Made m = made.get(i);
            int last = m.stages().size() - 1;
            if (m.stages().get(last) == ApplicationStage.HIRED) {
                events.publishEvent(new ApplicantHired(
                        m.student(),
                        m.posting().unitId(),
                        m.posting().position(),
                        m.days().get(last),
                        ids.get(i)));
                hires++;
            }
        }
        return hires;
    }
}
