package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.craftline.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

@PostgresTest
class HistoryKeyIT extends HistoryKeyChecks {

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate tx;

    /** The key's check locks the student until the transaction ends: no other transaction deletes it meanwhile. */
    @Test
    void anOpenTransactionAddingHistoryHoldsItsStudent() {
        tx.executeWithoutResult(status -> {
            history(student);
            try (Connection other = dataSource.getConnection();
                    Statement s = other.createStatement()) {
                other.setAutoCommit(true);
                assertThatThrownBy(
                                () -> s.execute("SELECT id FROM student WHERE id = " + student + " FOR UPDATE NOWAIT"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(e ->
                                assertThat(((SQLException) e).getSQLState()).isEqualTo("55P03"));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            status.setRollbackOnly();
        });
        assertThat(rows()).isZero();
    }
}
