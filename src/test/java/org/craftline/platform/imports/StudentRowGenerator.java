package org.craftline.platform.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.craftline.shared.ResidentIds;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Deterministic valid student rows for the Zhenping school (4141013240) of the demo installation:
 * the same seed and count always give the same rows. Rows are produced one at a time and written
 * straight to a file, so a million of them never sit in memory.
 */
final class StudentRowGenerator {

    static final String SCHOOL_CODE = "4141013240";
    static final List<String> MAJOR_CODES =
            List.of("750106", "750107", "750108", "730602", "660104", "750110", "730701");

    /** The headers of the students kind, in the column order of {@code StudentsImport}. */
    static final List<String> HEADERS =
            List.of("学校标识码", "学号", "姓名", "身份证号", "性别", "出生日期", "户口类型", "手机号", "专业代码", "班级", "入学年份", "学籍状态");

    /** The columns of {@code student} that the resolved reference file fills, in its order. */
    static final String COPY_COLUMNS =
            "school_id, student_number, name, id_number, gender, birth_date, household, phone, major_id, class_id,"
                    + " entry_year, status";

    private static final long SEED = 20_261_125L;
    private static final String REGION = "411323";
    private static final LocalDate FIRST_BIRTH = LocalDate.of(2008, 1, 1);
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许";
    private static final String GIVEN = "子轩浩然宇航梓涵欣怡一诺佳琪思远俊杰雨泽晨曦明嘉诗文博天佑若志强玉洁";
    private static final int FLUSH_EVERY = 10_000;

    /** One row as the user's file holds it: every value is text. */
    record Row(
            String schoolCode,
            String studentNumber,
            String name,
            String idNumber,
            String gender,
            String birthDate,
            String household,
            String phone,
            String majorCode,
            String className,
            String entryYear,
            String status) {

        List<String> cells() {
            return List.of(
                    schoolCode,
                    studentNumber,
                    name,
                    idNumber,
                    gender,
                    birthDate,
                    household,
                    phone,
                    majorCode,
                    className,
                    entryYear,
                    status);
        }
    }

    private final int count;

    StudentRowGenerator(int count) {
        this.count = count;
    }

    int count() {
        return count;
    }

    /** Hands each of the rows, in order, to the consumer; a fresh generator each call, so always the same rows. */
    void forEach(Consumer<Row> consumer) {
        Random random = new Random(SEED);
        for (int i = 1; i <= count; i++) {
            consumer.accept(row(i, random));
        }
    }

    private static Row row(int sequence, Random random) {
        int entryYear = 2024 + random.nextInt(3);
        // the ID comes from the sequence, so no two rows share one; its area code is one no demo
        // student has (the demo's schools use 411324, 411302 and 411325), so none is refused as taken
        LocalDate birth = FIRST_BIRTH.plusDays((sequence - 1) / 1000);
        int order = (sequence - 1) % 1000;
        boolean male = order % 2 == 1;
        String body = REGION
                + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", order);
        String id = body + ResidentIds.checkCharacter(body);
        StringBuilder name = new StringBuilder(3).append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = 1 + random.nextInt(2);
        for (int g = 0; g < given; g++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        String phone = "1" + (char) ('3' + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        return new Row(
                SCHOOL_CODE,
                String.format("B%07d", sequence),
                name.toString(),
                id,
                male ? "男" : "女",
                birth.toString(),
                random.nextInt(100) < 70 ? "农村" : "城镇",
                phone,
                MAJOR_CODES.get(random.nextInt(MAJOR_CODES.size())),
                "",
                String.valueOf(entryYear),
                "在读");
    }

    /** The rows as UTF-8 CSV (no BOM) with the Chinese headers; no value needs quoting. */
    void writeCsv(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(out, HEADERS);
            forEach(row -> line(out, row.cells()));
        }
    }

    /**
     * The rows as .xlsx through FastExcel's streaming writer, every value as text. Values that repeat
     * (school, gender, household, major, year, status, names) go to the shared-string table as Excel
     * writes them; values unique to a row (number, ID, birth date, phone) are written inline so the
     * writer's string table stays small. Rows are flushed every {@value #FLUSH_EVERY}.
     */
    void writeXlsx(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Craftline", "1.0");
            Worksheet sheet = workbook.newWorksheet("学生");
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, HEADERS.get(c));
            }
            int[] r = {0};
            IOException[] failure = {null};
            forEach(row -> {
                if (failure[0] != null) {
                    return;
                }
                int n = ++r[0];
                sheet.value(n, 0, row.schoolCode());
                sheet.inlineString(n, 1, row.studentNumber());
                sheet.value(n, 2, row.name());
                sheet.inlineString(n, 3, row.idNumber());
                sheet.value(n, 4, row.gender());
                sheet.inlineString(n, 5, row.birthDate());
                sheet.value(n, 6, row.household());
                sheet.inlineString(n, 7, row.phone());
                sheet.value(n, 8, row.majorCode());
                // the class stays empty: no cell, as a spreadsheet program writes it
                sheet.value(n, 10, row.entryYear());
                sheet.value(n, 11, row.status());
                if (n % FLUSH_EVERY == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            workbook.finish();
        }
    }

    /**
     * The same rows resolved as the import resolves them (ids, enum names), as CSV for PostgreSQL
     * {@code COPY student (}{@value #COPY_COLUMNS}{@code ) FROM STDIN WITH (FORMAT csv)}.
     */
    void writeResolvedCsv(Path file, long schoolId, Map<String, Long> majorIds) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            forEach(row -> {
                Long major = majorIds.get(row.majorCode());
                if (major == null) {
                    throw new IllegalStateException("the school does not offer major " + row.majorCode());
                }
                line(
                        out,
                        List.of(
                                String.valueOf(schoolId),
                                row.studentNumber(),
                                row.name(),
                                row.idNumber(),
                                "男".equals(row.gender()) ? "MALE" : "FEMALE",
                                row.birthDate(),
                                "农村".equals(row.household()) ? "RURAL" : "URBAN",
                                row.phone(),
                                String.valueOf(major),
                                "", // class_id: NULL in CSV format
                                row.entryYear(),
                                "ENROLLED"));
            });
        }
    }

    private static void line(Writer out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cells.get(i));
            }
            out.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
