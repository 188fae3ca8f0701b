package org.craftline.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.craftline.platform.imports.HostileFiles.Hostile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the hostile corpus is refused by the readers with the limit it went over, before the
 * reader holds what the file asks for; well-formed files just under the limits still read.
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    static Stream<Hostile> corpus() {
        return HostileFiles.corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithTheLimitItWentOver(Hostile hostile) throws Exception {
        Path file = dir.resolve("hostile");
        hostile.generator().write(file);
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(ImportFileException.class)
                .hasMessage(hostile.expectedKey());
    }

    @Test
    void wellFormedFilesAtTheLimitsStillRead() throws Exception {
        Path xlsx = dir.resolve("fine.xlsx");
        HostileFiles.xlsx(
                xlsx,
                HostileFiles.sheet("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + "玉".repeat(32_767)
                        + "</t></is></c><c r=\"XFD2\"><v>7</v></c></row>"
                        + "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>&amp;&lt;</t></is></c></row>"));
        List<SheetRow> rows = readAll(xlsx);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).cell(0)).hasSize(32_767);
        assertThat(rows.get(1).cells()).hasSize(16_384);
        assertThat(rows.get(2).number()).isEqualTo(1_048_576);
        assertThat(rows.get(2).cell(0)).isEqualTo("&<");

        Path csv = dir.resolve("fine.csv");
        HostileFiles.csv(csv, HostileFiles.CSV_HEADER + "1,", "y", 32_767, "\n");
        assertThat(readAll(csv).get(1).cell(1)).hasSize(32_767);
    }

    @Test
    void utf16CsvWithItsByteOrderMarkReads() throws Exception {
        String text = "学号\t姓名\n2026010101\t王五\n";
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(
                    charset == StandardCharsets.UTF_16LE
                            ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                            : new byte[] {(byte) 0xFE, (byte) 0xFF});
            bytes.write(text.getBytes(charset));
            Path file = Files.write(dir.resolve("unicode.csv"), bytes.toByteArray());
            List<SheetRow> rows = readAll(file);
            assertThat(rows.get(0).cells()).as(charset.name()).containsExactly("学号", "姓名");
            assertThat(rows.get(1).cells()).as(charset.name()).containsExactly("2026010101", "王五");
        }
    }

    private static List<SheetRow> readAll(Path file) throws Exception {
        List<SheetRow> rows = new ArrayList<>();
        try (SheetSource source = SheetSources.open(file, ImportSettings.defaults())) {
            while (source.hasNext()) {
                rows.add(source.next());
            }
        }
        return rows;
    }
}
