package org.craftline.platform.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens an uploaded file as rows, telling .xlsx from .csv by the file's bytes. */
final class SheetSources {

    private SheetSources() {}

    /** Opens the file by what its bytes are, not by its name. */
    static SheetSource open(Path file, ImportSettings limits) throws IOException {
        return new RowLimit(openBare(file, limits), limits.maxRows());
    }

    private static SheetSource openBare(Path file, ImportSettings limits) throws IOException {
        if (Files.size(file) == 0) {
            throw new ImportFileException("import.file.empty");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            XlsxGuard.check(file, limits);
            return new XlsxSource(file);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportFileException("import.file.xls");
        }
        if (CsvSource.bomCharset(head) != null) {
            return new CsvSource(file, limits);
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ImportFileException("import.file.notSpreadsheet");
            }
        }
        return new CsvSource(file, limits);
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

    /** No file has more rows, or a row numbered higher, than a sheet of Excel can. */
    private static final class RowLimit implements SheetSource {

        private final SheetSource source;
        private final int maxRows;
        private int read;

        RowLimit(SheetSource source, int maxRows) {
            this.source = source;
            this.maxRows = maxRows;
        }

        @Override
        public String format() {
            return source.format();
        }

        @Override
        public boolean hasNext() {
            return source.hasNext();
        }

        @Override
        public SheetRow next() {
            SheetRow row = source.next();
            if (++read > maxRows || row.number() > maxRows) {
                throw new ImportFileException("import.limit.rows", maxRows);
            }
            return row;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }
}
