package org.craftline.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.craftline.ApplicationProperties;
import org.craftline.platform.imports.HostileFiles.Hostile;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The hostile corpus through the API, as the school's administrator: each file answers 422 naming
 * its limit, leaves a refused run in the import history and no upload on disk, and the server
 * answers its health check afterwards. A user without the right to a kind is refused before its
 * file is read.
 */
@PostgresTest
class HostileUploadsIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Autowired
    ApplicationProperties properties;

    @Autowired
    Uploads uploads;

    @TempDir
    Path dir;

    @Test
    void everyHostileFileIsRefusedWithItsLimitAndTheServerStaysHealthy() throws Exception {
        List<Hostile> corpus = HostileFiles.corpus();
        long before = runs("REJECTED");
        for (Hostile hostile : corpus) {
            Path file = dir.resolve("hostile");
            hostile.generator().write(file);
            String message = jdbcMessage(hostile.expectedKey());
            mvc.perform(multipart("/api/v1/imports/students")
                            .file(new MockMultipartFile("file", "hostile.xlsx", null, Files.readAllBytes(file)))
                            .param("dryRun", "true")
                            .header("Accept-Language", "en")
                            .with(ADMIN))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.errors[0].message").value(message));
            Files.delete(file);
        }
        assertThat(runs("REJECTED") - before).isEqualTo(corpus.size());
        assertThat(runs("RUNNING")).isZero();
        assertThat(leftUploads()).isZero();
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void aUserWithoutTheRightToTheKindIsRefusedBeforeTheFileIsRead() throws Exception {
        long before = runs(null);
        for (String username : List.of(TestUsers.STAFF, TestUsers.BUREAU, TestUsers.ENTERPRISE)) {
            mvc.perform(multipart("/api/v1/imports/students")
                            .file(new MockMultipartFile("file", "x.csv", null, "学号,姓名\n1,2\n".getBytes()))
                            .with(httpBasic(username, TestUsers.PASSWORD)))
                    .andExpect(status().isForbidden());
        }
        assertThat(runs(null)).isEqualTo(before);
        assertThat(leftUploads()).isZero();
    }

    @Test
    void anUploadPreviewedButNeverConfirmedIsRemovedByAge() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(multipart("/imports/students/preview")
                        .file(ImportFiles.csv(
                                "fine.csv", ImportFiles.students("HOLD", 3), java.nio.charset.StandardCharsets.UTF_8))
                        .with(csrf())
                        .session(session))
                .andExpect(status().isOk());
        assertThat(leftUploads()).isEqualTo(1);
        assertThat(uploads.purgeOlderThan(Duration.ofHours(1))).isZero();
        assertThat(uploads.purgeOlderThan(Duration.ZERO)).isEqualTo(1);
        assertThat(leftUploads()).isZero();
    }

    @Autowired
    ImportHistory history;

    /** A run is on record from its start: one the server never ended shows as interrupted after a restart. */
    @Test
    void aRunLeftRunningByAStoppedServerShowsAsInterruptedAndAFailedOneAsFailed() {
        var user = new org.craftline.platform.CurrentUser(
                0L, TestUsers.SCHOOL_ADMIN, "", org.craftline.platform.Role.SCHOOL_ADMIN, null, null, null, null, null);
        long killed = history.start(user, "students", "killed.xlsx", false, java.time.OffsetDateTime.now());
        long failed = history.start(user, "students", "failed.xlsx", false, java.time.OffsetDateTime.now());
        history.failed(failed);
        assertThat(outcome(killed)).isEqualTo("RUNNING");
        history.markInterrupted();
        assertThat(outcome(killed)).isEqualTo("INTERRUPTED");
        assertThat(outcome(failed)).isEqualTo("FAILED");
    }

    private String outcome(long id) {
        return jdbc.sql("SELECT outcome FROM import_run WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String jdbcMessage(String key) {
        return messages.getMessage(key, argsOf(key), Locale.ENGLISH);
    }

    private static Object[] argsOf(String key) {
        ImportSettings limits = ImportSettings.defaults();
        return switch (key) {
            case "import.limit.cell" -> new Object[] {limits.maxCellChars()};
            case "import.limit.row" -> new Object[] {limits.maxRowChars()};
            case "import.limit.columns" -> new Object[] {limits.maxColumns()};
            case "import.limit.rows" -> new Object[] {limits.maxRows()};
            case "import.limit.ratio" -> new Object[] {limits.maxInflateRatio()};
            case "import.limit.part" -> new Object[] {"xl/styles.xml", 16L};
            case "import.limit.depth" -> new Object[] {limits.maxXmlDepth()};
            case "import.limit.entries" -> new Object[] {limits.maxEntries()};
            case "import.limit.tag" -> new Object[] {64};
            default -> new Object[0];
        };
    }

    private long runs(String outcome) {
        return jdbc.sql("SELECT COUNT(*) FROM import_run WHERE kind = 'students'"
                        + (outcome == null ? "" : " AND outcome = :o"))
                .paramSource(outcome == null ? java.util.Map.of() : java.util.Map.of("o", outcome))
                .query(Long.class)
                .single();
    }

    private long leftUploads() throws Exception {
        Path dir = properties.dataDir().resolve("uploads");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
