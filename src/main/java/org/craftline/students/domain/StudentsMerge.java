package org.craftline.students.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.craftline.platform.ImportKind.ImportCounts;
import org.craftline.platform.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Compares the staged rows of one import with the stored students and, when asked, writes them:
 * a handful of set-based statements whatever the number of rows. Updated rows are audited with
 * their masked values before and after; status changes enter the status history.
 */
@Component
class StudentsMerge {

    /** The staged rows of an import that match a stored student, from the given staging table. */
    static String match(String staging) {
        return "FROM " + staging + " i JOIN student s"
                + " ON s.school_id = i.school_id AND s.student_number = i.student_number WHERE i.import_key = :k";
    }

    static final String SAME = "s.name = i.name AND s.id_number = i.id_number AND s.gender = i.gender"
            + " AND s.birth_date = i.birth_date AND s.household = i.household AND s.phone IS NOT DISTINCT FROM i.phone"
            + " AND s.major_id = i.major_id AND s.class_id IS NOT DISTINCT FROM i.class_id"
            + " AND s.entry_year = i.entry_year AND s.status = i.status"
            + " AND (i.national_number IS NULL OR s.national_number IS NOT DISTINCT FROM i.national_number)"
            + " AND (i.full_time IS NULL OR s.full_time = i.full_time)";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Clock clock;

    StudentsMerge(JdbcClient jdbc, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /**
     * @param enrolmentDays whether a staged row gave its 入学日期, so that the new students' first
     *     history rows are dated from the staged rows rather than from the students alone
     */
    ImportCounts merge(String staging, String key, boolean apply, boolean enrolmentDays) {
        ImportCounts counts = ImportCounts.of(
                jdbc,
                staging + " i LEFT JOIN student s ON s.school_id = i.school_id AND s.student_number = i.student_number",
                "s.id",
                SAME,
                key);
        if (apply) {
            write(staging, key, counts, enrolmentDays);
        }
        return counts;
    }

    /** Writes the staged rows; a statement whose rows the counts show there are none of is left out. */
    private void write(String staging, String key, ImportCounts counts, boolean enrolmentDays) {
        Writer writer = writer();
        if (counts.updated() > 0) {
            update(staging, key, writer.user, writer.now, writer.now.toLocalDate());
        }
        if (counts.created() > 0) {
            writer.create(jdbc, staging, key, enrolmentDays);
        }
    }

    /** The rows of records that differ: status history, audit before and after, then the update. */
    private void update(String staging, String key, String user, OffsetDateTime now, LocalDate today) {
        jdbc.sql("INSERT INTO student_status_change (student_id, status, changed_on, reason, recorded_by, recorded_at)"
                        + " SELECT s.id, i.status, :today, 'import', :user, :now " + match(staging)
                        + " AND s.status <> i.status")
                .param("k", key)
                .param("today", today)
                .param("user", user)
                .param("now", now)
                .update();
        jdbc.sql(
                        "INSERT INTO audit_event (at, username, school_id, action, entity_type, entity_key, before_json, after_json)"
                                + " SELECT :now, :user, s.school_id, 'UPDATE', 'student', CAST(s.id AS VARCHAR(20)), "
                                + json("s") + ", " + json("i") + " " + match(staging) + " AND NOT (" + SAME + ")")
                .param("k", key)
                .param("user", user)
                .param("now", now)
                .update();
        jdbc.sql("""
                        MERGE INTO student s
                        USING (SELECT * FROM %s WHERE import_key = :k) i
                        ON (s.school_id = i.school_id AND s.student_number = i.student_number)
                        WHEN MATCHED AND NOT (%s) THEN UPDATE SET name = i.name, id_number = i.id_number,
                             gender = i.gender, birth_date = i.birth_date, household = i.household, phone = i.phone,
                             major_id = i.major_id, class_id = i.class_id, entry_year = i.entry_year, status = i.status,
                             national_number = COALESCE(i.national_number, s.national_number),
                             full_time = COALESCE(i.full_time, s.full_time), version = s.version + 1
                        """.formatted(staging, SAME)).param("k", key).update();
    }

    /** The signed-in user, the time and the database of one import's writes, taken on the import's thread. */
    Writer writer() {
        return new Writer(tenancy.currentUser().username(), OffsetDateTime.now(clock), postgres());
    }

    /**
     * Creates students: also on the thread of an import's early writes ({@link
     * org.craftline.platform.ImportKind.EarlyWrites}), which has neither the signed-in user nor a
     * transaction of its own.
     */
    record Writer(String user, OffsetDateTime now, boolean postgres) {

        /**
         * Creates the staged rows' students that do not exist yet, with their first history rows;
         * returns how many.
         *
         * @param jdbc a client of the import's connection
         */
        long create(JdbcClient jdbc, String staging, String key, boolean enrolmentDays) {
            String insertNew = "INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date,"
                    + " household, phone, major_id, class_id, entry_year, status, national_number, full_time)"
                    + " SELECT i.school_id, i.student_number, i.name, i.id_number, i.gender, i.birth_date, i.household,"
                    + " i.phone, i.major_id, i.class_id, i.entry_year, i.status, i.national_number,"
                    + " COALESCE(i.full_time, TRUE) FROM " + staging + " i"
                    + " WHERE i.import_key = :k AND NOT EXISTS (SELECT 1 FROM student s"
                    + " WHERE s.school_id = i.school_id AND s.student_number = i.student_number)";
            String history = "INSERT INTO student_status_change (student_id, status, kind, changed_on, reason,"
                    + " recorded_by, recorded_at) SELECT s.id, s.status,"
                    + " CASE WHEN s.status = 'ENROLLED' THEN 'ENROL' END, "
                    + firstDay(postgres, enrolmentDays || !postgres) + ", 'import', :user, :now ";
            if (postgres) {
                // the new ids come back from the insert itself: no second pass over the million rows; the
                // staged rows are joined again only when they carry an enrolment day
                String created = enrolmentDays
                        ? " RETURNING id, status, entry_year, school_id, student_number) " + history
                                + "FROM created s JOIN "
                                + staging + " i ON i.school_id = s.school_id AND i.student_number = s.student_number"
                                + " AND i.import_key = :k"
                        : " RETURNING id, status, entry_year) " + history + "FROM created s";
                return jdbc.sql("WITH created AS (" + insertNew + created)
                        .param("k", key)
                        .param("today", now.toLocalDate())
                        .param("user", user)
                        .param("now", now)
                        .update();
            }
            int created = jdbc.sql(insertNew).param("k", key).update();
            jdbc.sql(history + match(staging)
                            + " AND NOT EXISTS (SELECT 1 FROM student_status_change c WHERE c.student_id = s.id)")
                    .param("k", key)
                    .param("today", now.toLocalDate())
                    .param("user", user)
                    .param("now", now)
                    .update();
            return created;
        }
    }

    /**
     * The day of a new student's first history row. An enrolled student enrolled on the row's 入学日期
     * or, as the form has it, on 1 September of the entry year, whatever the day of the import (a
     * student imported mid-course has studied since then: 肄业, aid and the registration's intake
     * read that day). A student imported in another status is stated so on the import day.
     */
    private static String firstDay(boolean postgres, boolean staged) {
        String september = postgres
                ? "make_date(s.entry_year, 9, 1)"
                : "CAST(CAST(s.entry_year AS VARCHAR(4)) || '-09-01' AS DATE)";
        String enrolled = staged ? "COALESCE(i.enrolled_on, " + september + ")" : september;
        return "CASE WHEN s.status = 'ENROLLED' THEN " + enrolled + " ELSE :today END";
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = jdbc.sql("SELECT 1")
                    .query((rs, i) ->
                            rs.getStatement().getConnection().getMetaData().getDatabaseProductName())
                    .single()
                    .equals("PostgreSQL");
        }
        return postgres;
    }

    private volatile Boolean postgres;

    /** A student row as audit JSON, built in SQL; the ID number and phone masked as everywhere else. */
    static String json(String t) {
        return "'{\"studentNumber\":\"' || " + t + ".student_number"
                + " || '\",\"name\":\"' || REPLACE(" + t + ".name, '\"', '\\\"')"
                + " || '\",\"idNumber\":\"' || SUBSTRING(" + t + ".id_number, 1, 4) || '**********' || SUBSTRING("
                + t + ".id_number, 15, 4)"
                + " || '\",\"phone\":\"' || COALESCE(SUBSTRING(" + t + ".phone, 1, 3) || '****' || SUBSTRING(" + t
                + ".phone, 8, 4), '')"
                + " || '\",\"household\":\"' || " + t + ".household"
                + " || '\",\"majorId\":' || CAST(" + t + ".major_id AS VARCHAR(20))"
                + " || ',\"classId\":' || COALESCE(CAST(" + t + ".class_id AS VARCHAR(20)), 'null')"
                + " || ',\"entryYear\":' || CAST(" + t + ".entry_year AS VARCHAR(10))"
                + " || ',\"status\":\"' || " + t + ".status"
                + " || '\",\"nationalNumber\":\"' || COALESCE(SUBSTRING(" + t
                + ".national_number, 1, 4) || '**********'"
                + " || SUBSTRING(" + t + ".national_number, CHAR_LENGTH(" + t
                + ".national_number) - 3, 4), '')"
                + " || '\",\"fullTime\":' || " + fullTime(t) + " || '}'";
    }

    /** The audit's fullTime: the staged row's NULL (a file without the column) keeps the stored value. */
    private static String fullTime(String t) {
        String value = t.equals("i") ? "COALESCE(i.full_time, s.full_time)" : t + ".full_time";
        return "CASE WHEN " + value + " THEN 'true' ELSE 'false' END";
    }
}
