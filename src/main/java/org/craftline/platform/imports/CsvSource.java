package org.craftline.platform.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * CSV in UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's "Unicode text") or GBK, detected
 * from the bytes; comma, semicolon or tab separated. Fields, records and field counts are bounded
 * by {@link ImportSettings}: the reader never holds a longer row than allowed.
 */
final class CsvSource implements SheetSource {

    static final Charset GBK = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private int number;

    private final ImportSettings limits;

    CsvSource(Path file, ImportSettings limits) throws IOException {
        this.limits = limits;
        InputStream in = new BufferedInputStream(Files.newInputStream(file), SNIFF * 2);
        in.mark(SNIFF + 4);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        Charset charset = bomCharset(head);
        if (charset != null) {
            in.skipNBytes(charset == StandardCharsets.UTF_8 ? 3 : 2);
        } else {
            charset = isUtf8(head) ? StandardCharsets.UTF_8 : GBK;
        }
        char separator = separator(new String(head, charset));
        this.reader = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .maxBufferSize(limits.maxRowChars())
                .build(
                        CsvRecordHandler.builder()
                                .maxFields(limits.maxColumns())
                                .maxFieldSize(limits.maxCellChars())
                                .maxRecordSize(limits.maxRowChars())
                                .build(),
                        new InputStreamReader(in, charset));
        this.records = reader.iterator();
    }

    /** The charset a byte-order mark names, or null when the file has none. */
    static Charset bomCharset(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (CsvParseException e) {
            throw refused(e);
        } catch (java.io.UncheckedIOException e) {
            throw new ImportFileException("import.file.unreadable");
        }
    }

    @Override
    public SheetRow next() {
        try {
            CsvRecord record = records.next();
            number = (int) Math.min(record.getStartingLineNumber(), Integer.MAX_VALUE);
            return new SheetRow(number, record.getFields());
        } catch (CsvParseException e) {
            throw refused(e);
        } catch (java.io.UncheckedIOException e) {
            throw new ImportFileException("import.file.unreadable");
        }
    }

    /** Names the limit a record went over; FastCSV tells which only in its message. */
    private ImportFileException refused(CsvParseException e) {
        String message =
                e.getMessage() + (e.getCause() == null ? "" : " " + e.getCause().getMessage());
        if (message.contains("limit of " + limits.maxColumns() + " fields")) {
            return new ImportFileException("import.limit.columns", limits.maxColumns()).causedBy(e);
        }
        if (message.contains("max record size")) {
            return new ImportFileException("import.limit.row", limits.maxRowChars()).causedBy(e);
        }
        // a field over its size, or a quote never closed that fills the whole buffer
        return new ImportFileException("import.limit.cell", limits.maxCellChars()).causedBy(e);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Strict UTF-8 check of the sniffed head, forgiving a multi-byte character cut at its end. */
    static boolean isUtf8(byte[] head) {
        for (int cut = 0; cut < 4 && cut < head.length; cut++) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Arrays.copyOf(head, head.length - cut)));
                return true;
            } catch (CharacterCodingException e) {
                // try again without the last bytes: the sniffed window may end inside a character
            }
        }
        return false;
    }

    private static char separator(String head) {
        String firstLine = head.lines().findFirst().orElse("");
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long tabs = firstLine.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
