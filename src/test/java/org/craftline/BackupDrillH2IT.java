package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.craftline.platform.ImportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The drill on the embedded H2 installation: the demo started in a data directory, stopped, backed
 * up with {@code ops/backup.sh} (a stopped H2 database is files), restored elsewhere, started again:
 * every export byte-equal.
 */
class BackupDrillH2IT {

    @TempDir
    Path work;

    @Test
    void aStoppedH2InstallationRestoresToTheSameExports() throws Exception {
        Path data = work.resolve("data");
        Map<String, byte[]> before;
        try (ConfigurableApplicationContext first = BackupDrill.start(data)) {
            before = BackupDrill.exports(port(first), kinds(first));
        }
        Path stored = data.resolve("drill").resolve("agreement.pdf");
        Files.createDirectories(stored.getParent());
        Files.writeString(stored, "%PDF-1.4 drill");
        Path backup = work.resolve("backup");
        BackupDrill.run("ops/backup.sh", backup, data, null);
        Path restored = work.resolve("restored");
        BackupDrill.run("ops/restore.sh", backup, restored, null);
        assertThat(BackupDrill.filesOf(restored)).isEqualTo(BackupDrill.filesOf(data));
        try (ConfigurableApplicationContext second = BackupDrill.start(restored)) {
            Map<String, byte[]> after = BackupDrill.exports(port(second), kinds(second));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((kind, bytes) -> assertThat(after.get(kind))
                    .as("the %s export after the restore", kind)
                    .isEqualTo(bytes));
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static java.util.stream.Stream<String> kinds(ConfigurableApplicationContext context) {
        return context.getBeansOfType(ImportKind.class).values().stream()
                .map(ImportKind::name)
                .sorted();
    }
}
