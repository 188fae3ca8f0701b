package org.craftline.students.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.OfficeTodos;
import org.craftline.platform.Role;
import org.craftline.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The new students' registration (学籍注册) with the national registry: a registered student has its
 * 学籍号. The autumn intake is registered by 20 November of its year, the spring intake by 20 April;
 * a student whose enrolment is dated February to July is of the spring intake. Students who left are
 * not counted. Each intake of this year and the last with students still unregistered is a to-do on
 * the office's home page.
 */
@Service
public class Registrations implements OfficeTodos {

    public enum Season {
        AUTUMN(11),
        SPRING(4);

        private final int dueMonth;

        Season(int dueMonth) {
            this.dueMonth = dueMonth;
        }

        public LocalDate due(int year) {
            return LocalDate.of(year, dueMonth, 20);
        }
    }

    /** One intake's registration: students, how many have a 学籍号, and the deadline. */
    public record Intake(int intakeYear, Season season, long students, long registered, LocalDate due) {

        public long unregistered() {
            return students - registered;
        }

        public boolean overdue(LocalDate today) {
            return unregistered() > 0 && today.isAfter(due);
        }
    }

    /** An enrolment on this day (a column) is of the spring intake: February to July. */
    static String springEnrolment(String day) {
        return "EXTRACT(MONTH FROM " + day + ") BETWEEN 2 AND 7";
    }

    /** The students still in school of an intake (see {@link Students}' filter {@code intake}). */
    static final String IN_SCHOOL = "s.status IN ('ENROLLED', 'SUSPENDED')";

    static final String INTAKES = """
            SELECT x.intake_year, x.season, COUNT(*) AS students, COUNT(x.national_number) AS registered
            FROM (SELECT s.entry_year AS intake_year, s.national_number,
                         CASE WHEN %s THEN 'SPRING' ELSE 'AUTUMN' END AS season
                  FROM student s LEFT JOIN student_status_change e ON e.student_id = s.id AND e.kind = 'ENROL'
                  WHERE s.school_id = :school AND s.entry_year >= :from AND %s) x
            GROUP BY x.intake_year, x.season ORDER BY x.intake_year DESC, x.season
            """.formatted(springEnrolment("e.changed_on"), IN_SCHOOL);

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    Registrations(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** The school's intakes of this year and the last, read by a user who may read the school. */
    @Transactional(readOnly = true)
    public List<Intake> intakes(long schoolId) {
        if (!tenancy.scope().canRead(schoolId)) {
            throw new org.craftline.shared.NotFoundException("school", String.valueOf(schoolId));
        }
        return jdbc.sql(INTAKES)
                .param("school", schoolId)
                .param("from", LocalDate.now(clock).getYear() - 1)
                .query((rs, n) -> {
                    Season season = Season.valueOf(rs.getString("season"));
                    int year = rs.getInt("intake_year");
                    return new Intake(year, season, rs.getLong("students"), rs.getLong("registered"), season.due(year));
                })
                .list();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Todo> todos(CurrentUser user) {
        if (user.role() != Role.SCHOOL_ADMIN || user.schoolId() == null) {
            return List.of();
        }
        LocalDate today = today();
        return intakes(user.schoolId()).stream()
                .filter(i -> i.unregistered() > 0)
                .map(i -> new Todo(
                        "registration.todo." + i.season(),
                        List.of(
                                String.valueOf(i.intakeYear()),
                                i.unregistered(),
                                i.due().toString()),
                        "/students/registration",
                        i.due(),
                        i.overdue(today)))
                .toList();
    }
}
