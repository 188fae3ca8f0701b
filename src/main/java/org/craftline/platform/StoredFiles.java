package org.craftline.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.craftline.ApplicationProperties;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded documents (signed agreements, certificates) on disk under the data directory. A file is
 * named by a generated id in its kind's folder, never by the uploader's name, and its type (PDF,
 * PNG or JPEG) is taken from its first bytes, never from its name.
 */
@Component
public class StoredFiles {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    static final String APPLICATION_PDF = "application/pdf";
    static final String IMAGE_PNG = "image/png";
    static final String IMAGE_JPEG = "image/jpeg";
    static final Set<String> ALL_TYPES = Set.of(APPLICATION_PDF, IMAGE_PNG, IMAGE_JPEG);

    private static final Pattern PATH = Pattern.compile("[a-z]{1,30}/[0-9a-f-]{36}");
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private static final Pattern NAME = Pattern.compile("[a-z_]{1,40}");

    private final Path dataDir;
    private final JdbcClient jdbc;

    StoredFiles(ApplicationProperties properties, JdbcClient jdbc) {
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
        this.jdbc = jdbc;
    }

    /**
     * What a module stores: the table whose rows carry the file, in the columns {@code {field}_name},
     * {@code {field}_type} and {@code {field}_path}; its folder under the data directory; the form
     * field errors are reported on; the prefix of the message keys {@code .required}, {@code .size}
     * and {@code .type}; the largest file it takes, in bytes (at most {@link #MAX_BYTES}), and the
     * detected types it takes (some of PDF, PNG, JPEG).
     */
    public record Kind(
            String table, String folder, String field, String messagePrefix, long maxBytes, Set<String> types) {

        public Kind {
            if (!NAME.matcher(table).matches() || !NAME.matcher(field).matches()) {
                throw new IllegalArgumentException("table and field are SQL names: " + table + ", " + field);
            }
            if (maxBytes <= 0 || maxBytes > MAX_BYTES || types.isEmpty() || !ALL_TYPES.containsAll(types)) {
                throw new IllegalArgumentException("a kind takes up to " + MAX_BYTES + " bytes of " + ALL_TYPES);
            }
            types = Set.copyOf(types);
        }

        /** A document: PDF, PNG or JPEG up to {@link #MAX_BYTES}. */
        public Kind(String table, String folder, String field, String messagePrefix) {
            this(table, folder, field, messagePrefix, MAX_BYTES, ALL_TYPES);
        }

        /** A picture: PNG or JPEG up to {@code maxBytes}. */
        public static Kind picture(String table, String folder, String field, String messagePrefix, long maxBytes) {
            return new Kind(table, folder, field, messagePrefix, maxBytes, Set.of(IMAGE_PNG, IMAGE_JPEG));
        }
    }

    /** A stored file: the uploader's name for display, its detected type, its path under the data directory. */
    public record Stored(String name, String type, String path) {}

    /** A stored file to hand out: the uploader's file name, its detected type and the file. */
    public record Download(String name, String contentType, Path file) {}

    /** Checks and stores an upload; the file is removed again if the surrounding transaction rolls back. */
    public Stored store(Kind kind, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InvalidFieldException(kind.field(), kind.messagePrefix() + ".required");
        }
        if (file.getSize() > kind.maxBytes()) {
            throw new InvalidFieldException(kind.field(), kind.messagePrefix() + ".size");
        }
        String type = detect(kind, file);
        if (!kind.types().contains(type)) {
            throw new InvalidFieldException(kind.field(), kind.messagePrefix() + ".type");
        }
        String path = kind.folder() + "/" + UUID.randomUUID();
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

    /**
     * Stores an upload as the file of a row, replacing the row's earlier file once committed. The
     * caller has checked that the user may change the row.
     */
    public void attach(Kind kind, long id, MultipartFile file) {
        String previous = pathOf(kind, id);
        Stored stored = store(kind, file);
        jdbc.sql("UPDATE %1$s SET %2$s_name = :name, %2$s_type = :type, %2$s_path = :path WHERE id = :id"
                        .formatted(kind.table(), kind.field()))
                .param("name", stored.name())
                .param("type", stored.type())
                .param("path", stored.path())
                .param("id", id)
                .update();
        deleteAfterCommit(previous);
    }

    /** The file of a row to hand out; 404 when it has none. The caller has checked that the user may read the row. */
    public Download download(Kind kind, long id) {
        List<String[]> file = jdbc.sql(
                        "SELECT %2$s_name, %2$s_type, %2$s_path FROM %1$s WHERE id = :id AND %2$s_path IS NOT NULL"
                                .formatted(kind.table(), kind.field()))
                .param("id", id)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        if (file.isEmpty()) {
            throw new NotFoundException(kind.field(), String.valueOf(id));
        }
        return open(file.get(0)[0], file.get(0)[1], file.get(0)[2]);
    }

    /** Removes a row's file once the row's deletion commits; call it before deleting the row. */
    public void deleteWithRow(Kind kind, long id) {
        deleteAfterCommit(pathOf(kind, id));
    }

    private String pathOf(Kind kind, long id) {
        List<String> paths = jdbc.sql("SELECT %2$s_path FROM %1$s WHERE id = :id".formatted(kind.table(), kind.field()))
                .param("id", id)
                .query(String.class)
                .list();
        return paths.isEmpty() ? null : paths.get(0);
    }

    /** The stored file ready to hand out; 404 when it is gone. */
    public Download open(String name, String contentType, String path) {
        Path file = resolve(path);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("file", path);
        }
        return new Download(name, contentType, file);
    }

    /** Removes a file once the change that dropped it is committed. */
    public void deleteAfterCommit(String path) {
        if (path != null) {
            afterCompletion(path, TransactionSynchronization.STATUS_COMMITTED);
        }
    }

    /** A stored file as a download, named as uploaded, typed as detected at upload. */
    public static ResponseEntity<Resource> attachment(Download download) {
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(download.name(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(download.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(new FileSystemResource(download.file()));
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
            throw new NotFoundException("file", String.valueOf(path));
        }
        return dataDir.resolve(path);
    }

    private static String detect(Kind kind, MultipartFile file) {
        byte[] head;
        try (InputStream in = file.getInputStream()) {
            head = in.readNBytes(PNG.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (startsWith(head, PDF)) {
            return APPLICATION_PDF;
        }
        if (startsWith(head, PNG)) {
            return IMAGE_PNG;
        }
        if (startsWith(head, JPEG)) {
            return IMAGE_JPEG;
        }
        throw new InvalidFieldException(kind.field(), kind.messagePrefix() + ".type");
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
