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

    /**
     * Against a running instance (e.g. the demo of {@code ./mvnw spring-boot:run}):
     * {@code port user password school [warmUps runs]}; prints the table.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ReportTimings port user password school [warmUps runs]");
            System.exit(2);
        }
        int warmUps = args.length > 4 ? Math.min(Integer.parseInt(args[4]), 100) : 2;
        int runs = args.length > 5 ? Math.min(Integer.parseInt(args[5]), 100) : 10;
        String school = args[3];
        List<String> paths = List.of(
                "/api/v1/indicators?school=" + school,
                "/api/v1/reports/profile?school=" + school + "&lang=zh",
                "/api/v1/reports/profile?school=" + school + "&lang=en",
                "/api/v1/reports/dashboard?school=" + school,
                "/api/v1/reports/quality?school=" + school + "&format=html",
                "/api/v1/reports/quality?school=" + school + "&format=pdf",
                "/api/v1/reports/quality?school=" + school + "&format=xlsx");
        table(measure(Integer.parseInt(args[0]), args[1], args[2], paths, warmUps, runs))
                .forEach(System.out::println);
    }

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
