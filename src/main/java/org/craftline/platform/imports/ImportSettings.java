package org.craftline.platform.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code craftline.imports.*}: the largest file accepted, how many row errors an answer lists, and
 * the bounds on what a file can make the server hold while it is read. Every bound is checked before
 * or while the file streams, so no file, row or cell can take more memory than these allow.
 *
 * @param maxCellChars the longest cell, in characters (Excel's own limit)
 * @param maxRowChars the most characters of one row together
 * @param maxColumns the most cells of one row (Excel's own limit, column XFD)
 * @param maxRows the most rows of one file (Excel's own limit)
 * @param maxInflatedSize the most bytes an .xlsx may unpack to, all parts together
 * @param maxInflateRatio how many times its packed size one part may unpack to (over 1 MB)
 * @param maxSharedStrings the largest shared-strings part, unpacked
 * @param maxOtherPart the largest other part (styles, workbook, relations), unpacked
 * @param maxXmlDepth the deepest nesting of XML elements
 * @param maxEntries the most parts an .xlsx may hold
 */
@ConfigurationProperties("craftline.imports")
record ImportSettings(
        @DefaultValue("200MB") DataSize maxFileSize,
        @DefaultValue("10000") int maxErrors,
        @DefaultValue("32767") int maxCellChars,
        @DefaultValue("262144") int maxRowChars,
        @DefaultValue("16384") int maxColumns,
        @DefaultValue("1048576") int maxRows,
        @DefaultValue("1GB") DataSize maxInflatedSize,
        @DefaultValue("200") int maxInflateRatio,
        @DefaultValue("128MB") DataSize maxSharedStrings,
        @DefaultValue("16MB") DataSize maxOtherPart,
        @DefaultValue("64") int maxXmlDepth,
        @DefaultValue("1000") int maxEntries) {

    /** The defaults, for readers used outside Spring (tests, benchmarks). */
    static ImportSettings defaults() {
        return new ImportSettings(
                DataSize.ofMegabytes(200),
                10_000,
                32_767,
                262_144,
                16_384,
                1_048_576,
                DataSize.ofGigabytes(1),
                200,
                DataSize.ofMegabytes(128),
                DataSize.ofMegabytes(16),
                64,
                1000);
    }
}
