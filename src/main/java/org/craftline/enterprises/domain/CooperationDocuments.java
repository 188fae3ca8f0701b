package org.craftline.enterprises.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import org.craftline.ApplicationProperties;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * The signed agreements on disk under the data directory. A file is named by a generated id, never
 * by the uploader's name, and its type is taken from its first bytes, never from its name.
 */
@Component
class CooperationDocuments {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final String FIELD = "document";

    private static final Pattern PATH = Pattern.compile("documents/[0-9a-f-]{36}");
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final Path dataDir;

    CooperationDocuments(ApplicationProperties properties) {
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
    }

    /** A stored document: the uploader's name for display, its detected type, its path under the data directory. */
    record Stored(String name, String type, String path) {}

    /** Checks and stores an upload; the file is removed again if the surrounding transaction rolls back. */
    Stored store(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldException(FIELD, "cooperation.document.required");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidFieldException(FIELD, "cooperation.document.size");
        }
        String type = detect(file);
        String path = "documents/" + UUID.randomUUID();
        Path target = resolve(path);
        try (InputStream in = file.getInputStream()) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        } catch (IOException e) {
            delete(path);
            throw new UncheckedIOException(e);
        }
        afterCompletion(path, TransactionSynchronization.STATUS_ROLLED_BACK);
        return new Stored(displayName(file.getOriginalFilename(), type), type, path);
    }

    Path open(String path) {
        Path file = resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException(FIELD, path);
        }
        return file;
    }

    /** Removes a document once the change that dropped it is committed. */
    void deleteAfterCommit(String path) {
        if (path != null) {
            afterCompletion(path, TransactionSynchronization.STATUS_COMMITTED);
        }
    }

    private void afterCompletion(String path, int onStatus) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == onStatus) {
                    delete(path);
                }
            }
        });
    }

    private void delete(String path) {
        try {
            Files.deleteIfExists(resolve(path));
        } catch (IOException e) {
            // an orphaned file is harmless: no row points to it
        }
    }

    private Path resolve(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new NotFoundException(FIELD, String.valueOf(path));
        }
        return dataDir.resolve(path);
    }

    private static String detect(MultipartFile file) {
        byte[] head;
        try (InputStream in = file.getInputStream()) {
            head = in.readNBytes(PNG.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (startsWith(head, PDF)) {
            return "application/pdf";
        }
        if (startsWith(head, PNG)) {
            return "image/png";
        }
        if (startsWith(head, JPEG)) {
            return "image/jpeg";
        }
        throw new InvalidFieldException(FIELD, "cooperation.document.type");
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** The uploader's name without any directory part, kept only to name the download. */
    static String displayName(String original, String type) {
        String name = original == null ? "" : original.replaceAll("[\\p{Cntrl}]", "");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .strip();
        if (name.isEmpty()) {
            name = "document" + (type.equals("application/pdf") ? ".pdf" : type.equals("image/png") ? ".png" : ".jpg");
        }
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }
}
