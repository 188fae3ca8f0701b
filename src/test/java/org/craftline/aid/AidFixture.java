package org.craftline.aid;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hand-built set of students at one school for the aid checks, in the school year starting
 * {@link #START}: every combination the rules read (household, agriculture-related major, a hardship
 * approved, pending or of another year, year of study 1 to 4, status), named by what they are. Each
 * student is registered (has a 学籍号), full-time and enrolled on 1 September of its entry year, as
 * its status history says; {@link #student} and {@link #history} build the other cases.
 */
final class AidFixture {

    static final int START = 2030;
    static final String TERM = "2030-2031-1";

    final String tag;
    final long school;
    final Map<String, Long> students = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    final long plain;
    final long agriculture;
    private final long agricultureByCodeOverridden;

    AidFixture(JdbcClient jdbc, String tag, long school) {
        this.jdbc = jdbc;
        this.tag = tag;
        this.school = school;
        plain = major("70" + tag, null);
        agriculture = major("61" + tag, null);
        agricultureByCodeOverridden = major("61" + tag.substring(0, 7) + "X", false);
    }

    /** Inserts the fixture's students and recognitions. */
    AidFixture build() {
        student("R1", "RURAL", plain, 1, "ENROLLED");
        student("U1", "URBAN", plain, 1, "ENROLLED");
        student("UA2", "URBAN", agriculture, 2, "ENROLLED");
        student("UA3", "URBAN", agriculture, 3, "ENROLLED");
        student("UH1", "URBAN", plain, 1, "ENROLLED");
        hardship("UH1", START, "APPROVED");
        student("UHP", "URBAN", plain, 1, "ENROLLED");
        hardship("UHP", START, "PENDING");
        student("UHR", "URBAN", plain, 1, "ENROLLED");
        hardship("UHR", START, "REFUSED");
        student("UHO", "URBAN", plain, 2, "ENROLLED");
        hardship("UHO", START - 1, "APPROVED");
        student("RAH4", "RURAL", agriculture, 4, "ENROLLED");
        hardship("RAH4", START, "APPROVED");
        student("RAS", "RURAL", agriculture, 2, "SUSPENDED");
        history("RAS", "SUSPENDED", "SUSPEND", java.time.LocalDate.of(START, 6, 15)); // so before the term
        student("R2", "RURAL", plain, 2, "ENROLLED");
        student("UX1", "URBAN", agricultureByCodeOverridden, 1, "ENROLLED");
        return this;
    }

    String number(String name) {
        return "AD" + tag + name;
    }

    private long major(String code, Boolean agricultureRelated) {
        jdbc.sql("INSERT INTO major (code, name, agriculture_related) VALUES (:c, :n, :a)")
                .param("c", code)
                .param("n", "资助测试专业" + code)
                .param("a", agricultureRelated)
                .update();
        return jdbc.sql("SELECT id FROM major WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private void student(String name, String household, long major, int studyYear, String status) {
        student(
                name,
                household,
                major,
                START - studyYear + 1,
                status,
                java.time.LocalDate.of(START - studyYear + 1, 9, 1));
    }

    /**
     * A full-time, registered student of the entry year, with its enrolment row on that day (none when
     * null), offered its major by the school (a status change reads that).
     */
    long student(
            String name, String household, long major, int entryYear, String status, java.time.LocalDate enrolled) {
        offer(major);
        String idNumber = ("I" + tag + String.format("%02d", students.size()) + "000000000").substring(0, 18);
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status, national_number)
                        VALUES (:s, :n, :name, :idn, 'FEMALE', DATE '2014-03-01', :h, :m, :entry, :status, :nn)
                        """)
                .param("s", school)
                .param("n", number(name))
                .param("name", "资助" + name)
                .param("idn", idNumber)
                .param("h", household)
                .param("m", major)
                .param("entry", entryYear)
                .param("status", status)
                .param("nn", "XJ" + idNumber)
                .update();
        students.put(
                name,
                jdbc.sql("SELECT id FROM student WHERE student_number = :n")
                        .param("n", number(name))
                        .query(Long.class)
                        .single());
        if (enrolled != null) {
            history(name, "ENROLLED", "ENROL", enrolled);
        }
        return students.get(name);
    }

    /** The school offers the major (a change of major reads that). */
    void offer(long major) {
        if (jdbc.sql("SELECT COUNT(*) FROM school_major WHERE school_id = :s AND major_id = :m")
                        .param("s", school)
                        .param("m", major)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("INSERT INTO school_major (school_id, major_id) VALUES (:s, :m)")
                    .param("s", school)
                    .param("m", major)
                    .update();
        }
    }

    /** A row of the student's status history, as a change writes it (without the major and year it moved). */
    void history(String name, String status, String kind, java.time.LocalDate on) {
        jdbc.sql("""
                        INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, recorded_by,
                          recorded_at)
                        VALUES (:st, :status, :kind, :on, '测试', 'test', CURRENT_TIMESTAMP)
                        """)
                .param("st", students.get(name))
                .param("status", status)
                .param("kind", kind)
                .param("on", on)
                .update();
    }

    private void hardship(String name, int year, String decision) {
        boolean reviewed = !"PENDING".equals(decision);
        jdbc.sql("""
                        INSERT INTO hardship_recognition (school_id, student_id, school_year, level, evidence, decision,
                          reviewer, reviewed_on, created_at)
                        VALUES (:s, :st, :y, 'HARDSHIP', '低保证 测试', :d, :r, :on, CURRENT_TIMESTAMP)
                        """)
                .param("s", school)
                .param("st", students.get(name))
                .param("y", year)
                .param("d", decision)
                .param("r", reviewed ? "资助中心" : null)
                .param("on", reviewed ? java.time.LocalDate.of(year, 9, 20) : null)
                .update();
    }

    /** Removes what the fixture and the checks wrote: reversals before their entries, then students and majors. */
    void remove() {
        String students = "SELECT id FROM student WHERE student_number LIKE :p";
        jdbc.sql("DELETE FROM aid_disbursement WHERE reverses_id IS NOT NULL AND student_id IN (" + students + ")")
                .param("p", "AD" + tag + "%")
                .update();
        jdbc.sql("DELETE FROM aid_disbursement WHERE student_id IN (" + students + ")")
                .param("p", "AD" + tag + "%")
                .update();
        jdbc.sql("DELETE FROM student_status_change WHERE student_id IN (" + students + ")")
                .param("p", "AD" + tag + "%")
                .update();
        jdbc.sql("DELETE FROM student WHERE student_number LIKE :p")
                .param("p", "AD" + tag + "%")
                .update();
        jdbc.sql("DELETE FROM school_major WHERE major_id IN (SELECT id FROM major WHERE code LIKE :p)")
                .param("p", "%" + tag.substring(0, 7) + "%")
                .update();
        jdbc.sql("DELETE FROM major WHERE code LIKE :p")
                .param("p", "%" + tag.substring(0, 7) + "%")
                .update();
    }
}
