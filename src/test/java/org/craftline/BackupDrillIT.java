package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.platform.ImportKind;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestDatabases;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The backup and restore drill on the demo: {@code ops/backup.sh} of this run's database and data
 * directory, {@code ops/restore.sh} into a new database and directory, a second Craftline started
 * on what was restored; every export is byte-equal and every file under the data directory too.
 */
@PostgresTest
class BackupDrillIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    List<ImportKind> kinds;

    @Autowired
    ApplicationProperties properties;

    @TempDir
    Path work;

    @Test
    void aRestoredBackupExportsTheSameBytesAndHoldsTheSameFiles() throws Exception {
        Path data = properties.dataDir().toAbsolutePath();
        Path stored = data.resolve("drill").resolve("certificate.png");
        Files.createDirectories(stored.getParent());
        Files.write(stored, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3});
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (ImportKind kind : kinds) {
            before.put(
                    kind.name(),
                    mvc.perform(get("/api/v1/exports/" + kind.name())
                                    .param("format", "csv")
                                    .with(httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD)))
                            .andReturn()
                            .getResponse()
                            .getContentAsByteArray());
        }

        Path backup = work.resolve("backup");
        BackupDrill.run("ops/backup.sh", backup, data, TestDatabases.url());
        String restored = "craftline_restored_" + System.currentTimeMillis();
        sql("CREATE DATABASE " + restored + " ENCODING 'UTF8' TEMPLATE template0");
        Path restoredData = work.resolve("restored-data");
        try {
            String restoredUrl = TestDatabases.url().replaceFirst("/[^/?]+(\\?.*)?$", "/" + restored);
            BackupDrill.run("ops/restore.sh", backup, restoredData, restoredUrl);
            assertThat(Files.readAllBytes(restoredData.resolve("drill").resolve("certificate.png")))
                    .isEqualTo(Files.readAllBytes(stored));
            assertThat(BackupDrill.filesOf(restoredData)).isEqualTo(BackupDrill.filesOf(data));
            try (ConfigurableApplicationContext second = BackupDrill.start(
                    restoredData,
                    "--spring.datasource.url=" + restoredUrl,
                    "--spring.datasource.username=" + TestDatabases.user(),
                    "--spring.datasource.password=" + TestDatabases.password())) {
                int port = ((WebServerApplicationContext) second).getWebServer().getPort();
                for (var kind : before.entrySet()) {
                    assertThat(BackupDrill.export(port, kind.getKey()))
                            .as("the %s export after the restore", kind.getKey())
                            .isEqualTo(kind.getValue());
                }
            }
        } finally {
            sql("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            Files.deleteIfExists(stored);
        }
        assertThat(before)
                .hasSize(kinds.size())
                .allSatisfy((kind, bytes) -> assertThat(bytes).isNotEmpty());
    }

    private static void sql(String statement) throws Exception {
        String admin = TestDatabases.url().replaceFirst("/[^/?]+(\\?.*)?$", "/postgres");
        try (var c = DriverManager.getConnection(admin, TestDatabases.user(), TestDatabases.password());
                var s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
