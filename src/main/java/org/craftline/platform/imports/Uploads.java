package org.craftline.platform.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.craftline.ApplicationProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files on disk under the data directory: an upload is streamed there (never held in
 * memory), previewed, and kept until its import is confirmed or refused. They hold full ID numbers
 * and phones, so one whose preview is never confirmed, or whose server stopped, is removed after an
 * hour: at start, and every ten minutes.
 */
@Component
class Uploads {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");

    private final Path dir;
    private final ImportSettings settings;

    Uploads(ApplicationProperties properties, ImportSettings settings) {
        this.dir = properties.dataDir().resolve("uploads");
        this.settings = settings;
    }

    /** Saves an upload and returns its token; refuses an empty or too large file. */
    String save(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ImportFileException("import.file.empty");
        }
        if (file.getSize() > settings.maxFileSize().toBytes()) {
            throw new ImportFileException(
                    "import.file.tooLarge", settings.maxFileSize().toMegabytes());
        }
        Files.createDirectories(dir);
        String token = UUID.randomUUID().toString();
        file.transferTo(path(token));
        return token;
    }

    Path path(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new ImportFileException("import.file.expired");
        }
        return dir.resolve(token);
    }

    void delete(String token) {
        try {
            Files.deleteIfExists(path(token));
        } catch (IOException e) {
            // a left-over upload is removed by the next purge
        }
    }

    /** Removes uploads older than an hour; returns how many. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    public int purgeOld() {
        return purgeOlderThan(Duration.ofHours(1));
    }

    int purgeOlderThan(Duration age) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long before = System.currentTimeMillis() - age.toMillis();
        try (var files = Files.list(dir)) {
            return (int) files.filter(f -> f.toFile().lastModified() < before)
                    .filter(f -> f.toFile().delete())
                    .count();
        } catch (IOException e) {
            return 0; // tried again at the next round
        }
    }
}
