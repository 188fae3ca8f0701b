package org.craftline.platform.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
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

/** CSV in UTF-8 (with or without BOM) or GBK, detected from the bytes; comma or semicolon separated. */
final class CsvSource implements SheetSource {

    static final Charset GBK = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;

    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private int number;

    CsvSource(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), SNIFF * 2);
        in.mark(SNIFF + 4);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        Charset charset = StandardCharsets.UTF_8;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        } else if (!isUtf8(head)) {
            charset = GBK;
        }
        char separator = separator(new String(head, charset));
        this.reader = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(new InputStreamReader(in, charset));
        this.records = reader.iterator();
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public SheetRow next() {
        CsvRecord record = records.next();
        number = (int) record.getStartingLineNumber();
        return new SheetRow(number, record.getFields());
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
