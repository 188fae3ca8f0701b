package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The status history's foreign key to its student holds on both databases: a history row of a
 * student that does not exist is refused, with the rest of its statement, and so is moving a row to
 * nobody; a student with history cannot be deleted.
 */
abstract class HistoryKeyChecks {

    @Autowired
    JdbcClient jdbc;

    final String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    long student;
    long missing;

    @BeforeEach
    void aStudentWithoutHistory() {
        long school = jdbc.sql("SELECT id FROM school WHERE code = :code")
                .param("code", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                               major_id, class_id, entry_year, status)
                        SELECT school_id, :number, '键测试', :idNumber, gender, birth_date, household, major_id, class_id,
                               entry_year, 'ENROLLED'
                        FROM student WHERE school_id = :school ORDER BY id FETCH FIRST 1 ROWS ONLY
                        """)
                .param("number", "HK" + tag)
                .param("idNumber", ("9" + tag + "0000000000").substring(0, 18))
                .param("school", school)
                .update();
        student = jdbc.sql("SELECT id FROM student WHERE student_number = :n")
                .param("n", "HK" + tag)
                .query(Long.class)
                .single();
        missing =
                jdbc.sql("SELECT MAX(id) + 1000 FROM student").query(Long.class).single();
    }

    @AfterEach
    void removeIt() {
        jdbc.sql("DELETE FROM student_status_change WHERE student_id = :id")
                .param("id", student)
                .update();
        jdbc.sql("DELETE FROM student WHERE id = :id").param("id", student).update();
    }

    @Test
    void aHistoryRowOfAStudentThatIsNotThereIsRefusedWithItsStatement() {
        assertThatThrownBy(() -> history(missing)).isInstanceOf(DataIntegrityViolationException.class);
        // one statement, two rows, one of them of nobody: neither is written
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO student_status_change (student_id, status, changed_on, reason,"
                                        + " recorded_by, recorded_at) SELECT id, 'ENROLLED', CURRENT_DATE, 'key check', 'test',"
                                        + " CURRENT_TIMESTAMP FROM (SELECT CAST(:a AS BIGINT) AS id UNION ALL SELECT CAST(:b AS BIGINT)) x")
                        .param("a", student)
                        .param("b", missing)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows()).isZero();
        // moving a row to nobody is refused too
        history(student);
        assertThatThrownBy(() -> jdbc.sql("UPDATE student_status_change SET student_id = :b WHERE student_id = :a")
                        .param("a", student)
                        .param("b", missing)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aStudentWithHistoryIsNotDeleted() {
        history(student);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM student WHERE id = :id")
                        .param("id", student)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM student WHERE id = :id")
                        .param("id", student)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    void history(long id) {
        jdbc.sql("INSERT INTO student_status_change (student_id, status, changed_on, reason, recorded_by, recorded_at)"
                        + " VALUES (:id, 'ENROLLED', CURRENT_DATE, 'key check', 'test', CURRENT_TIMESTAMP)")
                .param("id", id)
                .update();
    }

    long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM student_status_change WHERE student_id = :id")
                .param("id", student)
                .query(Long.class)
                .single();
    }
}
