package org.craftline.platform.imports;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the hostile-file guard costs: {@link XlsxGuard} over a generated student .xlsx against the
 * reference of reading the same file's rows with the reader (FastExcel), best of three each, in one
 * run. {@code bench/guard.sh}; figures in docs/benchmarks.md.
 */
public final class XlsxGuardBenchmark {

    private XlsxGuardBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        Path file = Files.createTempFile("guard-bench", ".xlsx");
        try {
            new StudentRowGenerator(rows).writeXlsx(file);
            ImportSettings limits = ImportSettings.defaults();
            System.out.printf("file: %d rows, %.1f MB%n", rows, Files.size(file) / 1e6);
            double guard = best(() -> XlsxGuard.check(file, limits));
            double read = best(() -> {
                try (SheetSource source = new XlsxSource(file)) {
                    long n = 0;
                    while (source.hasNext()) {
                        n += source.next().cells().size();
                    }
                    if (n == 0) {
                        throw new IllegalStateException("no cells read");
                    }
                }
            });
            System.out.printf("guard %.2f s, read %.2f s, guard/read %.2f%n", guard, read, guard / read);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static double best(Step step) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            step.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        return best;
    }
}
