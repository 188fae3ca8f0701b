package org.craftline.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.platform.imports.DuplicateKeyCountsIT.Counts;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The student import writes each batch's new students while the rest of the file is read
 * (ImportKind.EarlyWrites, PostgreSQL). Files of more than one staging batch: the counts are those of
 * the dry run, and a row refused after earlier batches were written, or a cross-check's problem found
 * once every batch was written, leaves nothing written.
 */
@PostgresTest
class EarlyWritesIT {

    /** Row numbers of one prefix stay under 10,000: ImportFiles gives each prefix 10,000 ID numbers. */
    static final int PER_PREFIX = 9_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeTheStudents() {
        String mine = "SELECT id FROM student WHERE student_number LIKE 'EW%'";
        jdbc.sql("DELETE FROM student_status_change WHERE student_id IN (" + mine + ")")
                .update();
        jdbc.sql(
                        "DELETE FROM audit_event WHERE entity_type = 'student' AND entity_key IN (SELECT CAST(id AS VARCHAR(20))"
                                + " FROM student WHERE student_number LIKE 'EW%')")
                .update();
        jdbc.sql("DELETE FROM student WHERE student_number LIKE 'EW%'").update();
    }

    @Test
    void newStudentsOfEveryBatchAreCreatedAndStoredOnesCountedAsTheDryRunCountsThem() throws Exception {
        // stored before: students 1-3 of EWM (the file leaves 1 as it is and changes 2's name)
        upload(csv(rows("EWM", 3)), false, 200);
        List<String> lines = rows("EWM", PER_PREFIX);
        List<String> more = rows("EWN", StagingWriter.BATCH * 2 - PER_PREFIX + 7);
        lines.addAll(more.subList(1, more.size()));
        lines.set(2, lines.get(2).replace("学生2", "学生二"));
        int total = lines.size() - 1;
        Counts expected = new Counts(total, total - 3, 1, 2, 0);

        assertThat(counts(upload(csv(lines), true, 200))).isEqualTo(expected);
        assertThat(counts(upload(csv(lines), false, 200))).isEqualTo(expected);

        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE 'EW%'"))
                .isEqualTo(total);
        // one first history row per student, the three stored ones included (from the first upload)
        assertThat(count("SELECT COUNT(*) FROM student_status_change c JOIN student s ON s.id = c.student_id"
                        + " WHERE s.student_number LIKE 'EW%'"))
                .isEqualTo(total);
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number = 'EWM2' AND name = '学生二'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event a JOIN student s ON CAST(s.id AS VARCHAR(20)) = a.entity_key"
                        + " WHERE a.entity_type = 'student' AND a.action = 'UPDATE' AND s.student_number LIKE 'EW%'"))
                .isEqualTo(1);
        // a third upload of the same file finds every student as it left them
        assertThat(counts(upload(csv(lines), false, 200))).isEqualTo(new Counts(total, 0, 0, total, 0));
    }

    @Test
    void aRowRefusedAfterTheFirstBatchWasWrittenLeavesNothingWritten() throws Exception {
        List<String> lines = rows("EWR", StagingWriter.BATCH + 5);
        int last = lines.size() - 1;
        lines.set(last, lines.get(last).replace(",750107,", ",999999,")); // no such major
        refusedAsByTheDryRun(lines, new Counts(last, last - 1, 0, 0, 1), last + 1);
        assertNothingWritten();
    }

    @Test
    void anIdNumberAStoredStudentHoldsFoundOnceEveryBatchWasWrittenLeavesNothingWritten() throws Exception {
        upload(csv(rows("EWH", 1)), false, 200);
        long before = count("SELECT COUNT(*) FROM student WHERE student_number LIKE 'EW%'");
        List<String> lines = rows("EWI", StagingWriter.BATCH + 5);
        int last = lines.size() - 1;
        String[] cells = lines.get(last).split(",", -1);
        cells[3] = ImportFiles.id("EWH", 1);
        lines.set(last, String.join(",", cells));
        refusedAsByTheDryRun(lines, new Counts(last, last - 1, 0, 0, 1), last + 1);
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE 'EW%'"))
                .isEqualTo(before);
    }

    @Test
    void aStudentNumberRepeatedInALaterBatchRefusesBothRowsAndWritesNothing() throws Exception {
        List<String> lines = rows("EWD", StagingWriter.BATCH + 5);
        lines.add(ImportFiles.studentRow("EWD", 2)); // repeats row 3, staged and written in the first batch
        int rows = lines.size() - 1;
        Counts expected = new Counts(rows, rows - 2, 0, 0, 2);

        assertThat(counts(upload(csv(lines), true, 200))).isEqualTo(expected);
        String commit = upload(csv(lines), false, 422);
        assertThat(counts(commit)).isEqualTo(expected);
        assertThat(JsonPath.<List<Integer>>read(commit, "$.errors[*].row")).containsExactlyInAnyOrder(3, rows + 1);
        assertNothingWritten();
    }

    /** The dry run and the commit of a file with one refused row: the same counts, row and message. */
    private void refusedAsByTheDryRun(List<String> lines, Counts expected, int refusedRow) throws Exception {
        String dry = upload(csv(lines), true, 200);
        String commit = upload(csv(lines), false, 422);
        assertThat(counts(dry)).isEqualTo(expected);
        assertThat(counts(commit)).isEqualTo(expected);
        assertThat(JsonPath.<List<Integer>>read(commit, "$.errors[*].row")).containsExactly(refusedRow);
        assertThat(JsonPath.<List<String>>read(commit, "$.errors[*].message"))
                .isEqualTo(JsonPath.<List<String>>read(dry, "$.errors[*].message"));
    }

    private void assertNothingWritten() {
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE 'EW%'"))
                .isZero();
    }

    /** The header and rows 1..count of a prefix, with ID numbers from a second prefix past 9,000. */
    private static List<String> rows(String prefix, int count) {
        List<String> lines = ImportFiles.students(prefix, Math.min(count, PER_PREFIX));
        for (int n = PER_PREFIX + 1; n <= count; n++) {
            lines.add(ImportFiles.studentRow(prefix, n)
                    .replace(ImportFiles.id(prefix, n), ImportFiles.id(prefix + "X", n - PER_PREFIX)));
        }
        return lines;
    }

    private String upload(MockMultipartFile file, boolean dryRun, int expectedStatus) throws Exception {
        return DuplicateKeyCountsIT.upload(mvc, "students", file, dryRun, expectedStatus);
    }

    private static Counts counts(String body) {
        return DuplicateKeyCountsIT.counts(body);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static MockMultipartFile csv(List<String> lines) {
        return ImportFiles.csv("early.csv", lines, StandardCharsets.UTF_8);
    }
}
