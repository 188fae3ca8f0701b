package org.craftline.platform.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The corpus of hostile spreadsheets: each is generated (the large ones are small when packed), with
 * the message key the import must answer with. A file of the corpus must never take the server down
 * or answer 500; a well-formed control file must still read.
 */
final class HostileFiles {

    record Hostile(String name, String expectedKey, Generator generator) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Generator {
        void write(Path file) throws IOException;
    }

    /** A part whose content is head + repeat × n + tail, streamed so nothing large is held. */
    record Part(String name, String head, String repeat, long times, String tail) {
        static Part of(String name, String content) {
            return new Part(name, content, "", 0, "");
        }
    }

    static final String SHEET_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    static final String SHEET_TAIL = "</sheetData></worksheet>";
    /** The students import's required columns, so that an import reads on past the header. */
    static final List<String> HEADERS = List.of("学号", "姓名", "身份证号", "户口类型", "专业代码", "入学年份");

    static final String HEADER_ROW = "<row r=\"1\">"
            + String.join(
                    "",
                    HEADERS.stream()
                            .map(h -> "<c t=\"inlineStr\"><is><t>" + h + "</t></is></c>")
                            .toList())
            + "</row>";
    static final String CSV_HEADER = String.join(",", HEADERS) + "\n";

    static List<Hostile> corpus() {
        List<Hostile> all = new ArrayList<>();
        all.add(new Hostile(
                "xlsx: one cell of 400 million characters",
                "import.limit.cell",
                f -> xlsx(
                        f,
                        new Part(
                                "xl/worksheets/sheet1.xml",
                                SHEET_HEAD + HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>",
                                "A".repeat(1000),
                                400_000,
                                "</t></is></c></row>" + SHEET_TAIL))));
        all.add(new Hostile(
                "xlsx: a shared string of 50 million characters",
                "import.limit.cell",
                f -> xlsx(
                        f,
                        sheet("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"),
                        new Part(
                                "xl/sharedStrings.xml",
                                "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>",
                                "玉".repeat(1000),
                                50_000,
                                "</t></si></sst>"))));
        all.add(new Hostile(
                "xlsx: a styles part of 40 MB",
                "import.limit.part",
                f -> xlsx(
                        f,
                        sheet(""),
                        new Part(
                                "xl/styles.xml",
                                "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs>",
                                "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
                                600_000,
                                "</cellXfs></styleSheet>"))));
        all.add(new Hostile(
                "xlsx: a zip bomb of empty rows",
                "import.limit.ratio",
                f -> xlsx(
                        f,
                        new Part(
                                "xl/worksheets/sheet1.xml",
                                SHEET_HEAD + HEADER_ROW,
                                "<row/>",
                                10_000_000,
                                SHEET_TAIL))));
        all.add(new Hostile(
                "xlsx: XML nested 10,000 deep",
                "import.limit.depth",
                f -> xlsx(
                        f,
                        new Part(
                                "xl/worksheets/sheet1.xml",
                                SHEET_HEAD + HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is>",
                                "<r>",
                                10_000,
                                "</is></c></row>" + SHEET_TAIL))));
        all.add(new Hostile(
                "xlsx: a DTD with entity expansion",
                "import.file.unreadable",
                f -> xlsx(
                        f,
                        Part.of(
                                "xl/worksheets/sheet1.xml",
                                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2"
                                        + " \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                                        + SHEET_HEAD.substring(SHEET_HEAD.indexOf("<worksheet"))
                                        + HEADER_ROW + SHEET_TAIL))));
        all.add(new Hostile(
                "xlsx: a row of 20,000 cells",
                "import.limit.columns",
                f -> xlsx(
                        f,
                        new Part(
                                "xl/worksheets/sheet1.xml",
                                SHEET_HEAD + "<row>",
                                "<c><v>1</v></c>",
                                20_000,
                                "</row>" + SHEET_TAIL))));
        all.add(new Hostile(
                "xlsx: a cell addressed beyond column XFD",
                "import.limit.columns",
                f -> xlsx(f, sheet("<row r=\"2\"><c r=\"FXSHRXX2\"><v>1</v></c></row>"))));
        all.add(new Hostile(
                "xlsx: a row numbered 2,000,000,000",
                "import.limit.rows",
                f -> xlsx(f, sheet("<row r=\"2000000000\"><c><v>1</v></c></row>"))));
        all.add(new Hostile(
                "xlsx: a tag of 1 MB",
                "import.limit.tag",
                f -> xlsx(
                        f,
                        sheet("<row r=\"2\"><c r=\"A2\" s=\"" + "9".repeat(1024 * 1024) + "\"><v>1</v></c></row>"))));
        all.add(new Hostile("xlsx: 2,000 parts", "import.limit.entries", HostileFiles::manyParts));
        all.add(new Hostile(
                "xlsx: a row of 20 cells of 30,000 characters",
                "import.limit.row",
                f -> xlsx(
                        f,
                        new Part(
                                "xl/worksheets/sheet1.xml",
                                SHEET_HEAD + HEADER_ROW + "<row r=\"2\">",
                                "<c t=\"inlineStr\"><is><t>" + "x".repeat(30_000) + "</t></is></c>",
                                20,
                                "</row>" + SHEET_TAIL))));
        all.add(new Hostile("xlsx: a UTF-16 sheet", "import.file.unreadable", f -> {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
                zip.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
                zip.write((SHEET_HEAD.substring(SHEET_HEAD.indexOf("<worksheet")) + SHEET_TAIL)
                        .getBytes(StandardCharsets.UTF_16LE));
                zip.closeEntry();
            }
        }));
        all.add(new Hostile(
                "xlsx: a sheet that is not well-formed",
                "import.file.unreadable",
                f -> xlsx(f, sheet("<row r=\"2\"><c r=\"A2\"><v>1</v></row><row><c><c><c></sheetData>"))));
        all.add(new Hostile("xlsx: a truncated zip", "import.file.unreadable", f -> {
            Path whole = f.resolveSibling("whole-" + f.getFileName());
            xlsx(whole, sheet("<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>"));
            byte[] bytes = Files.readAllBytes(whole);
            Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }));
        all.add(new Hostile(
                "csv: a field of 5 MB", "import.limit.cell", f -> csv(f, CSV_HEADER + "1,", "x", 5_000_000, "\n")));
        all.add(new Hostile(
                "csv: a quote never closed",
                "import.limit.cell",
                f -> csv(f, CSV_HEADER + "1,\"", "y", 2_000_000, "")));
        all.add(new Hostile(
                "csv: a row of 16,385 fields",
                "import.limit.columns",
                f -> csv(f, CSV_HEADER + "1", ",2", 16_385, "\n")));
        all.add(new Hostile(
                "csv: a row of 300,000 characters in short fields",
                "import.limit.row",
                f -> csv(f, CSV_HEADER + "1", "," + "z".repeat(99), 3_000, "\n")));
        all.add(new Hostile(
                "csv: more rows than a sheet holds",
                "import.limit.rows",
                f -> csv(f, CSV_HEADER, "\n", 1_048_577, "")));
        return all;
    }

    static Part sheet(String rows) {
        return Part.of("xl/worksheets/sheet1.xml", SHEET_HEAD + HEADER_ROW + rows + SHEET_TAIL);
    }

    /** A minimal .xlsx that FastExcel opens: the given parts, plus the package parts they need. */
    static void xlsx(Path file, Part... parts) throws IOException {
        Map<String, Part> all = new LinkedHashMap<>();
        all.put("[Content_Types].xml", Part.of("[Content_Types].xml", CONTENT_TYPES));
        all.put("_rels/.rels", Part.of("_rels/.rels", ROOT_RELS));
        all.put("xl/workbook.xml", Part.of("xl/workbook.xml", WORKBOOK));
        all.put("xl/_rels/workbook.xml.rels", Part.of("xl/_rels/workbook.xml.rels", WORKBOOK_RELS));
        all.put("xl/styles.xml", Part.of("xl/styles.xml", EMPTY_STYLES));
        for (Part part : parts) {
            all.put(part.name(), part);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Part part : all.values()) {
                zip.putNextEntry(new ZipEntry(part.name()));
                write(zip, part.head(), part.repeat(), part.times(), part.tail());
                zip.closeEntry();
            }
        }
    }

    private static void manyParts(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < 2000; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/image" + i + ".png"));
                zip.closeEntry();
            }
        }
    }

    static void csv(Path file, String head, String repeat, long times, String tail) throws IOException {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, head, repeat, times, tail);
        }
    }

    private static void write(OutputStream out, String head, String repeat, long times, String tail)
            throws IOException {
        out.write(head.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = repeat.getBytes(StandardCharsets.UTF_8);
        for (long i = 0; i < times; i++) {
            out.write(chunk);
        }
        out.write(tail.getBytes(StandardCharsets.UTF_8));
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "</Types>";
    private static final String EMPTY_STYLES =
            "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>";
    private static final String ROOT_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
            + " Target=\"xl/workbook.xml\"/></Relationships>";
    private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private static final String WORKBOOK_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\""
            + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
            + " Target=\"worksheets/sheet1.xml\"/></Relationships>";

    private HostileFiles() {}
}
