package org.craftline.reports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Times the report endpoints over HTTP on loopback against a running Craftline (the benchmarks call
 * it once their data are in place), each beside the indicators endpoint for the same scope as the
 * reference: a report is the indicators plus its breakdowns and rendering.
 */
public final class ReportTimings {

    private ReportTimings() {}

    /** One timed endpoint: median and slowest of its calls, and the bytes of its last answer. */
    public record Timing(String path, int calls, double medianMs, double maxMs, int bytes) {}

    /**
     * @param paths paths with their query, e.g. {@code /api/v1/reports/profile?school=4141013240}
     * @param warmUps calls not counted; {@code runs} counted calls (both bounded by the caller)
     */
    public static List<Timing> measure(
            int port, String user, String password, List<String> paths, int warmUps, int runs) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String auth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        List<Timing> timings = new ArrayList<>();
        for (String path : paths) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", auth)
                    .timeout(Duration.ofMinutes(10))
                    .GET()
                    .build();
            List<Long> nanos = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < warmUps + runs; i++) {
                long started = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - started;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                bytes = response.body().length;
                if (i >= warmUps) {
                    nanos.add(took);
                }
            }
            nanos.sort(null);
            timings.add(new Timing(
                    path, runs, nanos.get(nanos.size() / 2) / 1e6, nanos.get(nanos.size() - 1) / 1e6, bytes));
        }
        return timings;
    }

    /** The timings as a Markdown table, each beside the first row (the reference) as a ratio. */
    public static List<String> table(List<Timing> timings) {
        List<String> lines = new ArrayList<>();
        lines.add("| endpoint | calls | median ms | max ms | bytes | ratio to first |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        double reference = timings.get(0).medianMs();
        for (Timing t : timings) {
            lines.add(String.format(
                    "| `%s` | %d | %.1f | %.1f | %,d | %.2f |",
                    t.path(), t.calls(), t.medianMs(), t.maxMs(), t.bytes(), t.medianMs() / reference));
        }
        return lines;
    }
}
