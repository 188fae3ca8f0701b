package org.craftline.platform.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads every part of an .xlsx once before the spreadsheet reader sees it, holding one buffer and at
 * most one XML tag at a time, and refuses a file that would make the reader hold more than {@link
 * ImportSettings} allows: too many parts, parts that unpack too far (zip bombs), a part too large for
 * what it is, XML nested too deep or declaring a DTD, a cell or a row with too many characters, a row
 * with too many cells, a cell or row address beyond Excel's own grid (the reader sizes its row by the
 * column it is told).
 */
final class XlsxGuard {

    static final int MAX_TAG = 64 * 1024;
    private static final long RATIO_FROM = 1024 * 1024;

    private final ImportSettings limits;
    private long inflatedTotal;

    private XlsxGuard(ImportSettings limits) {
        this.limits = limits;
    }

    static void check(Path file, ImportSettings limits) throws IOException {
        new XlsxGuard(limits).checkZip(file);
    }

    private void checkZip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw new ImportFileException("import.limit.entries", limits.maxEntries());
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    checkPart(entry, in);
                }
            }
        } catch (ZipException e) {
            throw new ImportFileException("import.file.unreadable");
        }
    }

    private void checkPart(ZipEntry entry, InputStream in) throws IOException {
        long cap = capOf(entry.getName());
        long packed = Math.max(entry.getCompressedSize(), 1);
        byte[] buffer = new byte[64 * 1024];
        XlsxXmlScan xml = null;
        long size = 0;
        for (int read; (read = in.read(buffer)) > 0; ) {
            if (size == 0) {
                xml = XlsxXmlScan.startsAsXml(buffer, read) ? new XlsxXmlScan(limits) : null;
            }
            size += read;
            inflatedTotal += read;
            if (inflatedTotal > limits.maxInflatedSize().toBytes()) {
                throw new ImportFileException(
                        "import.limit.inflated", limits.maxInflatedSize().toMegabytes());
            }
            if (size > cap) {
                throw new ImportFileException("import.limit.part", entry.getName(), cap / (1024 * 1024));
            }
            if (size > RATIO_FROM && size / packed > limits.maxInflateRatio()) {
                throw new ImportFileException("import.limit.ratio", limits.maxInflateRatio());
            }
            if (xml != null) {
                xml.feed(buffer, read);
            }
        }
    }

    /** Sheets may fill the whole allowance; shared strings and the small parts have their own. */
    private long capOf(String name) {
        if (name.contains("worksheets/")) {
            return limits.maxInflatedSize().toBytes();
        }
        if (name.contains("sharedStrings")) {
            return limits.maxSharedStrings().toBytes();
        }
        return limits.maxOtherPart().toBytes();
    }
}
