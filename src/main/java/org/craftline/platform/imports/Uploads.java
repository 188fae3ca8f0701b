package org.craftline.platform.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.craftline.ApplicationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files on disk under the data directory: an upload is streamed there (never held in
 * memory), previewed, and kept until its import is confirmed or a day has passed.
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
        purgeOld();
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

    private void purgeOld() throws IOException {
        long dayAgo = System.currentTimeMillis() - 24L * 3600 * 1000;
        try (var files = Files.list(dir)) {
            files.filter(f -> f.toFile().lastModified() < dayAgo)
                    .forEach(f -> f.toFile().delete());
        }
    }
}
