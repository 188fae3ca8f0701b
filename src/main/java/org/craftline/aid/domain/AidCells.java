package org.craftline.aid.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.craftline.platform.ImportKind.KeyedProblem;
import org.craftline.platform.ImportKind.RowErrors;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Term;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the two aid imports read alike: a term, a date, and the rows naming no student of the school. */
final class AidCells {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-M-d");

    private AidCells() {}

    /** The term of a cell such as {@code 2026-2027-1}; null after an error. */
    static Term term(String cell, RowErrors errors) {
        try {
            return Term.parse(cell);
        } catch (InvalidFieldException e) {
            errors.add("term", cell, "term.invalid");
            return null;
        }
    }

    /** A day such as 2026-10-15 or 2026/10/15; null after an error. */
    static LocalDate day(String cell, String column, RowErrors errors) {
        try {
            return LocalDate.parse(cell == null ? "" : cell.strip().replace('/', '-'), DAY);
        } catch (DateTimeParseException e) {
            errors.add(column, cell, "import.date.invalid");
            return null;
        }
    }

    /**
     * The staged rows whose student the school does not have, by one anti-join.
     *
     * @param rowKey the SQL expression of a staged row's key, as the kind's {@code StagedRow} names it
     */
    static List<KeyedProblem> unknownStudents(
            JdbcClient jdbc, String table, String rowKey, String importKey, int limit) {
        return jdbc.sql("SELECT " + rowKey + ", i.student_number FROM " + table + " i WHERE i.import_key = :k"
                        + " AND NOT EXISTS (SELECT 1 FROM student s WHERE s.school_id = i.school_id"
                        + " AND s.student_number = i.student_number) FETCH FIRST " + limit + " ROWS ONLY")
                .param("k", importKey)
                .query((rs, n) ->
                        new KeyedProblem(rs.getString(1), "studentNumber", rs.getString(2), "aid.student.unknown"))
                .list();
    }
}
