package org.craftline.platform.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens an uploaded file as rows, telling .xlsx from .csv by the file's bytes. */
final class SheetSources {

    private SheetSources() {}

    /** Opens the file by what its bytes are, not by its name. */
    static SheetSource open(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new ImportFileException("import.file.empty");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return new XlsxSource(file);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportFileException("import.file.xls");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ImportFileException("import.file.notSpreadsheet");
            }
        }
        return new CsvSource(file);
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
