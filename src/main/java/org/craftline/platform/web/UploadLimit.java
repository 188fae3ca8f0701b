package org.craftline.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's limit on an upload ({@code spring.servlet.multipart.*}, the smaller of
 * the file and the request limit), as a refused upload's message names it.
 */
@Component
public class UploadLimit {

    private final DataSize limit;

    UploadLimit(
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize file,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize request) {
        this.limit = file.isNegative() || (!request.isNegative() && request.compareTo(file) < 0) ? request : file;
    }

    /** The limit as people write it: {@code 210 MB}, {@code 64 KB}, {@code 1000 bytes}. */
    public String shown() {
        long bytes = limit.toBytes();
        if (bytes >= DataSize.ofMegabytes(1).toBytes()
                && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return limit.toMegabytes() + " MB";
        }
        if (bytes >= DataSize.ofKilobytes(1).toBytes()
                && bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return limit.toKilobytes() + " KB";
        }
        return bytes + " B";
    }
}
