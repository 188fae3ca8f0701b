package org.craftline.platform.imports;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.craftline.CraftlineApplication;
import org.craftline.indicators.Summaries;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.ImportKind;
import org.craftline.platform.ImportKind.ImportRun;
import org.craftline.platform.ImportKind.StagedRow;
import org.craftline.platform.Role;
import org.craftline.platform.Tenancy;
import org.craftline.support.TestDatabases;
import org.postgresql.PGConnection;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The student import of N rows (default 1,000,000; {@code -Dbench.rows=}) against PostgreSQL
 * {@code COPY} of the same rows, measured in one run on one machine. Runs against a fresh database
 * made by {@link TestDatabases} (dropped at exit), or the empty database of {@code -Dbench.url=}
 * ({@code -Dbench.user=}, {@code -Dbench.password=}). Run it with {@code bench/import.sh}.
 *
 * <p>Measured, in this order: a warm-up {@code COPY} of the rows into the tables as the demo left them
 * (timed, then deleted), the CSV import, the same CSV again on top (every row unchanged), the CSV
 * import without the early writes ({@code -Dbench.classic=after}, the default; {@code before} runs it
 * before the first CSV import, {@code off} leaves it out), the .xlsx import, and the reference {@code
 * COPY} of the rows already resolved to ids. Between runs the
 * imported students are deleted and the tables compacted ({@code VACUUM FULL}), so that every run
 * writes into tables that must grow, as a school's first import does; {@code -Dbench.space=reused}
 * vacuums without compacting, and the runs after the warm-up reuse the space it freed. Each
 * import's own SQL statements are timed through a thin JDBC wrapper; with {@code
 * -Dbench.phases=true} (the default) the client side (reading, validating, staging) is then measured
 * on its own, after the timed runs. Each run's CPU time is read from {@code /proc}: the JVM's, the
 * PostgreSQL server's, and the machine's idle and stolen time ({@link CpuClock}). With
 * {@code -Dbench.explain=true} the server logs the plans of the slow statements (a diagnostic run).
 *
 * <p>Exits 1 when an import's result is wrong (counts, refused rows); a slow import is a
 * measurement, not a failure.
 */
public final class ImportBenchmark {

    private static final Path DIR = Path.of("target/bench");
    private static final String NO_EARLY_WRITES = "csv, no early writes";
    private static final String WARM_UP = "warm-up: COPY, new rows";
    private static final List<Line> LINES = new ArrayList<>();
    /** Keeps the formatted staging text "used", so the JIT cannot drop the work being measured. */
    private static volatile long stagingBytes;

    /** The database, for the WAL each run writes (PostgreSQL's insert position before and after it). */
    private static volatile DataSource walSource;

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        boolean phases = Boolean.parseBoolean(System.getProperty("bench.phases", "true"));
        boolean keepFiles = Boolean.getBoolean("bench.keepFiles");
        int exit;
        try {
            exit = run(rows, phases, keepFiles);
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 2;
        }
        System.out.flush();
        System.exit(exit); // runs TestDatabases' shutdown hook, which drops the database
    }

    private static int run(int rows, boolean phases, boolean keepFiles) throws Exception {
        String url = System.getProperty("bench.url");
        String user = System.getProperty("bench.user", TestDatabases.user());
        String password = System.getProperty("bench.password", TestDatabases.password());
        if (url == null || url.isBlank()) {
            url = TestDatabases.url();
        }
        say("database: " + url);

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        properties.put("craftline.demo.enabled", "true");
        properties.put("craftline.demo.password", "bench-password-1");
        properties.put("craftline.admin-password", "bench-password-1");
        properties.put("craftline.data-dir", "target/bench-data");
        // a servlet application on a random local port, serving nothing: SecurityConfig's filter
        // chains need HttpSecurity, which only a web application context has (NONE fails to start)
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        if (Boolean.getBoolean("bench.explain")) {
            // diagnosis, not measurement: the server logs the plan, with actual times and trigger
            // times, of every statement over 2 s (auto_explain; needs a superuser)
            properties.put(
                    "spring.datasource.hikari.connection-init-sql",
                    "LOAD 'auto_explain'; SET auto_explain.log_min_duration = '2s';"
                            + " SET auto_explain.log_analyze = on; SET auto_explain.log_buffers = on;"
                            + " SET auto_explain.log_triggers = on");
            say("bench.explain: plans of slow statements go to the PostgreSQL server log; the times below"
                    + " include EXPLAIN ANALYZE overhead and are no measurement");
        }
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jmx.enabled", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.craftline", "WARN");

        long startedApp = System.nanoTime();
        ConfigurableApplicationContext context;
        PrintStream out = System.out;
        // the first start prints the demo users' sign-in lines; they are of no use here
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            context = new SpringApplicationBuilder(CraftlineApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new StatementClock()))
                    .run(arguments(properties));
        } finally {
            System.setOut(out);
        }
        say("application started and demo loaded in %.1f s", seconds(System.nanoTime() - startedApp));

        try (context) {
            return measure(context, rows, phases, keepFiles);
        }
    }

    private static int measure(ConfigurableApplicationContext context, int rows, boolean phases, boolean keepFiles)
            throws Exception {
        String classic = System.getProperty("bench.classic", "after");
        if (!List.of("after", "before", "off").contains(classic)) {
            throw new IllegalArgumentException("-Dbench.classic= is after, before or off, not " + classic);
        }
        DataSource dataSource = context.getBean(DataSource.class);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Importer importer = context.getBean(Importer.class);
        Summaries summaries = context.getBean(Summaries.class);
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            if (!"PostgreSQL".equals(product)) {
                throw new IllegalStateException("the application runs on " + product + ", not PostgreSQL");
            }
        }

        Map<String, Object> admin = jdbc.queryForMap("SELECT id, school_id FROM app_user WHERE username = 'zp-admin'");
        long userId = ((Number) admin.get("id")).longValue();
        long schoolId = ((Number) admin.get("school_id")).longValue();
        CurrentUser current =
                new CurrentUser(userId, "zp-admin", "bench", Role.SCHOOL_ADMIN, schoolId, null, null, null, null);
        BenchUser principal = new BenchUser(current);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));

        long code = jdbc.queryForObject(
                "SELECT COUNT(*) FROM school WHERE id = ? AND code = ?",
                Long.class,
                schoolId,
                StudentRowGenerator.SCHOOL_CODE);
        if (code != 1) {
            throw new IllegalStateException("zp-admin is not the administrator of " + StudentRowGenerator.SCHOOL_CODE);
        }
        Map<String, Long> majors = new HashMap<>();
        jdbc.query(
                "SELECT m.code, m.id FROM school_major sm JOIN major m ON m.id = sm.major_id WHERE sm.school_id = ?",
                rs -> {
                    majors.put(rs.getString(1), rs.getLong(2));
                },
                schoolId);
        long demoStudents = jdbc.queryForObject("SELECT COUNT(*) FROM student", Long.class);

        // a. the files (not timed)
        Files.createDirectories(DIR);
        StudentRowGenerator generator = new StudentRowGenerator(rows);
        Path csv = DIR.resolve("students-" + rows + ".csv");
        Path xlsx = DIR.resolve("students-" + rows + ".xlsx");
        Path resolved = DIR.resolve("students-" + rows + "-copy.csv");
        long t = System.nanoTime();
        generator.writeCsv(csv);
        say("wrote %s: %s in %.1f s", csv, size(csv), seconds(System.nanoTime() - t));
        t = System.nanoTime();
        generator.writeXlsx(xlsx);
        say("wrote %s: %s in %.1f s", xlsx, size(xlsx), seconds(System.nanoTime() - t));
        t = System.nanoTime();
        generator.writeResolvedCsv(resolved, schoolId, majors);
        say("wrote %s: %s in %.1f s", resolved, size(resolved), seconds(System.nanoTime() - t));
        say("demo students already stored: %d", demoStudents);

        boolean correct = true;
        walSource = dataSource;
        // Every timed run writes into tables that must grow, as a school's first import does: after
        // each delete the tables are compacted (VACUUM FULL), so the imports and the reference start
        // from the same state (docs/benchmarks.md, run T). -Dbench.space=reused keeps the freed space
        // instead (runs S and before). The warm-up COPY is timed for the record: COPY twice in a run
        // shows the machine's own spread.
        prepare(jdbc, COMPACT);
        long warmedUp = timed(WARM_UP, rows, () -> copy(dataSource, resolved));
        if (warmedUp != rows) {
            say("WRONG: the warm-up COPY loaded %d rows, expected %d", warmedUp, rows);
            correct = false;
        }
        deleteImported(jdbc, summaries);
        prepare(jdbc, COMPACT);
        if (classic.equals("before")) {
            correct &= withoutEarlyWrites(importer, dataSource, jdbc, summaries, csv, rows);
            deleteImported(jdbc, summaries);
            prepare(jdbc, COMPACT);
        }

        // b. the CSV import
        Connection heldCsv = holdSummaries(dataSource);
        ImportResult first = timed(
                "csv import",
                rows,
                () -> importer.run("students", csv, csv.getFileName().toString(), false, Locale.CHINA));
        correct &= check("csv import", first, rows, rows, 0, 0);
        correct &= checkStored(jdbc, rows);
        refreshed(summaries, rows, "after csv import", heldCsv);

        // f. the same CSV again, on top of the committed rows
        prepare(jdbc, false);
        Connection heldAgain = holdSummaries(dataSource);
        ImportResult again = timed(
                "csv re-import (unchanged)",
                rows,
                () -> importer.run("students", csv, csv.getFileName().toString(), false, Locale.CHINA));
        correct &= check("csv re-import", again, rows, 0, 0, rows);
        correct &= checkStored(jdbc, rows);
        refreshed(summaries, rows, "after re-import", heldAgain);

        if (classic.equals("after")) {
            deleteImported(jdbc, summaries);
            prepare(jdbc, COMPACT);
            correct &= withoutEarlyWrites(importer, dataSource, jdbc, summaries, csv, rows);
        }

        // c. delete, d. the .xlsx import
        deleteImported(jdbc, summaries);
        prepare(jdbc, COMPACT);
        Connection heldXlsx = holdSummaries(dataSource);
        ImportResult fromXlsx = timed(
                "xlsx import",
                rows,
                () -> importer.run("students", xlsx, xlsx.getFileName().toString(), false, Locale.CHINA));
        correct &= check("xlsx import", fromXlsx, rows, rows, 0, 0);
        correct &= checkStored(jdbc, rows);
        refreshed(summaries, rows, "after xlsx import", heldXlsx);

        // e. delete, then the reference: COPY of the same rows, already resolved
        deleteImported(jdbc, summaries);
        prepare(jdbc, COMPACT);
        long copied = timed("COPY (reference)", rows, () -> copy(dataSource, resolved));
        if (copied != rows) {
            say("WRONG: COPY loaded %d rows, expected %d", copied, rows);
            correct = false;
        }
        correct &= checkStored(jdbc, rows);
        deleteImported(jdbc, summaries);

        // g. the result table
        String postgres = jdbc.queryForObject("SHOW server_version", String.class);
        printTable(rows, postgres, Map.of("csv", size(csv), "xlsx", size(xlsx), "copy", size(resolved)));

        if (phases) {
            profile(context, csv, xlsx, rows);
        }
        if (!keepFiles) {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(xlsx);
            Files.deleteIfExists(resolved);
        }
        say(correct ? "results correct" : "RESULTS WRONG: see the lines marked WRONG above");
        return correct ? 0 : 1;
    }

    /**
     * The CSV import without the kind's early writes: the path every import took before them, and
     * still takes on H2, for a dry run, and after a refused row. Timed against the same {@code COPY}.
     */
    private static boolean withoutEarlyWrites(
            Importer importer, DataSource dataSource, JdbcTemplate jdbc, Summaries summaries, Path csv, int rows)
            throws Exception {
        Connection held = holdSummaries(dataSource);
        importer.earlyWrites(false);
        ImportResult r;
        try {
            r = timed(
                    NO_EARLY_WRITES,
                    rows,
                    () -> importer.run("students", csv, csv.getFileName().toString(), false, Locale.CHINA));
        } finally {
            importer.earlyWrites(true);
        }
        boolean correct = check(NO_EARLY_WRITES, r, rows, rows, 0, 0) & checkStored(jdbc, rows);
        refreshed(summaries, rows, "after csv, no early", held);
        return correct;
    }

    /**
     * The settings as command-line arguments: they must win over application.yml (which names the
     * H2 database and ./data), and the builder's {@code properties(...)} are only defaults, below it.
     */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /** The signed-in user: its name is what the audit log records as the actor (as CraftlineUser's is). */
    private record BenchUser(CurrentUser currentUser) implements Tenancy.HasCurrentUser, java.security.Principal {
        @Override
        public String getName() {
            return currentUser.username();
        }
    }

    // ---- the runs

    private record Line(
            String name,
            long rows,
            long nanos,
            String result,
            long peakHeap,
            long gcMillis,
            long walBytes,
            CpuClock.Sample cpu) {
        Line named(String other) {
            return new Line(other, rows, nanos, result, peakHeap, gcMillis, walBytes, cpu);
        }
    }

    /** PostgreSQL's WAL insert position, in bytes; 0 without a database yet. */
    private static long walPosition() throws java.sql.SQLException {
        if (walSource == null) {
            return 0;
        }
        try (Connection c = walSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static <T> T timed(String name, long rows, Callable<T> work) throws Exception {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcBefore = gcMillis();
        long walBefore = walPosition();
        StatementClock.start();
        CpuClock.Sample cpuBefore = CpuClock.sample();
        long started = System.nanoTime();
        T result = work.call();
        long nanos = System.nanoTime() - started;
        CpuClock.Sample cpu = CpuClock.sample().minus(cpuBefore);
        List<StatementClock.Timing> statements = StatementClock.stop();
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        String summary = result instanceof ImportResult r
                ? "created %d, updated %d, unchanged %d, rejected %d"
                        .formatted(r.created(), r.updated(), r.unchanged(), r.rejected())
                : result instanceof Integer schools
                        ? "summaries of " + schools + " school(s) refreshed"
                        : "copied " + result;
        LINES.add(new Line(name, rows, nanos, summary, peak, gcMillis() - gcBefore, walPosition() - walBefore, cpu));
        say("%s: %.2f s (%s)", name, seconds(nanos), summary);
        if (result instanceof ImportResult) {
            // a statement run once a batch (the early writes) is summed under its text
            Map<String, long[]> byText = new LinkedHashMap<>();
            long sql = 0;
            for (StatementClock.Timing s : statements) {
                sql += s.nanos();
                long[] sum = byText.computeIfAbsent(s.sql(), k -> new long[2]);
                sum[0] += s.nanos();
                sum[1]++;
            }
            byText.forEach((text, sum) -> {
                if (sum[0] >= 50_000_000L) {
                    say("    %8.2f s  %s%s", seconds(sum[0]), sum[1] > 1 ? sum[1] + "x " : "", text);
                }
            });
            say(
                    "    %8.2f s  all %d SQL statements (the staging COPY is not among them)",
                    seconds(sql), statements.size());
            say(
                    "    %8.2f s  the rest: reading, validating and staging COPY of the rows"
                            + " (less what the early writes overlapped)",
                    seconds(nanos - sql));
        }
        return result;
    }

    /**
     * Holds the summaries' refresh lock (a row lock on {@code summary_state}) through an import, so
     * that the background refresh skips while the import runs and leaves the logged schools to the
     * timed refresh after it.
     */
    private static Connection holdSummaries(DataSource dataSource) throws java.sql.SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (var s = c.createStatement()) {
            s.execute("SELECT id FROM summary_state WHERE id = 1 FOR UPDATE");
        }
        return c;
    }

    /**
     * Times the refresh of the summaries that the import's writes logged (issue 17): what the
     * background refresh, or the first reader of a figure, does after the import commits. It runs
     * as the import's hold on the refresh lock ends, so the background refresh (every 2 s) seldom
     * takes the work first; when it does, this waits for it and finds no school left (0 schools).
     */
    private static void refreshed(Summaries summaries, long rows, String after, Connection held) throws Exception {
        held.commit();
        held.close();
        int schools = timed("summaries refresh", rows, summaries::refresh);
        if (schools == 0) {
            say("NOTE: no school was left to refresh: the import logged none (it wrote nothing), or the"
                    + " background refresh took them first (the time above is then the rest of it)");
        }
        LINES.set(LINES.size() - 1, LINES.get(LINES.size() - 1).named("  refresh " + after));
    }

    private static boolean check(String name, ImportResult r, long rows, long created, long updated, long unchanged) {
        boolean ok = r.rows() == rows
                && r.created() == created
                && r.updated() == updated
                && r.unchanged() == unchanged
                && r.rejected() == 0
                && !r.hasErrors()
                && !r.dryRun();
        if (!ok) {
            say(
                    "WRONG: %s gave rows %d, created %d, updated %d, unchanged %d, rejected %d;"
                            + " expected rows %d, created %d, updated %d, unchanged %d, rejected 0",
                    name,
                    r.rows(),
                    r.created(),
                    r.updated(),
                    r.unchanged(),
                    r.rejected(),
                    rows,
                    created,
                    updated,
                    unchanged);
            r.errors().stream()
                    .limit(10)
                    .forEach(e ->
                            say("    row %s, column %s, value %s: %s", e.row(), e.column(), e.value(), e.message()));
        }
        return ok;
    }

    private static boolean checkStored(JdbcTemplate jdbc, long rows) {
        long stored = jdbc.queryForObject("SELECT COUNT(*) FROM student WHERE student_number LIKE 'B%'", Long.class);
        if (stored != rows) {
            say("WRONG: %d generated students stored, expected %d", stored, rows);
            return false;
        }
        return true;
    }

    private static long copy(DataSource dataSource, Path file) throws Exception {
        try (Connection connection = dataSource.getConnection();
                InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            long copied = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY student (" + StudentRowGenerator.COPY_COLUMNS + ") FROM STDIN WITH (FORMAT csv)", in);
            connection.commit();
            connection.setAutoCommit(autoCommit);
            return copied;
        }
    }

    /** Removes the generated students and what their import wrote, then vacuums (no transaction). */
    private static void deleteImported(JdbcTemplate jdbc, Summaries summaries) {
        long t = System.nanoTime();
        jdbc.update("DELETE FROM student_status_change WHERE student_id IN"
                + " (SELECT id FROM student WHERE student_number LIKE 'B%')");
        jdbc.update("DELETE FROM student WHERE student_number LIKE 'B%'");
        jdbc.update("DELETE FROM audit_event WHERE entity_type = 'student'");
        say("deleted the generated students in %.1f s", seconds(System.nanoTime() - t));
        t = System.nanoTime();
        int schools = summaries.refresh();
        say(
                "refreshed the summaries of %d schools after the delete in %.1f s",
                schools, seconds(System.nanoTime() - t));
    }

    /**
     * Whether the tables are compacted after a delete, so that each run writes into tables that must
     * grow (the default), or keep the space the delete freed ({@code -Dbench.space=reused}).
     */
    private static final boolean COMPACT = !"reused".equals(System.getProperty("bench.space", "new"));

    /**
     * The same starting point for every run: tables vacuumed (compacted when asked) and analysed,
     * dirty pages written.
     */
    private static void prepare(JdbcTemplate jdbc, boolean compact) {
        for (String table : List.of("student", "student_status_change", "student_import", "audit_event")) {
            jdbc.execute((compact ? "VACUUM (FULL, ANALYZE) " : "VACUUM ANALYZE ") + table);
        }
        try {
            jdbc.execute("CHECKPOINT");
        } catch (RuntimeException e) {
            // not a superuser: the run starts with whatever the server has still to write
        }
        System.gc();
    }

    // ---- the client side, measured on its own after the timed runs

    private static void profile(ConfigurableApplicationContext context, Path csv, Path xlsx, int rows)
            throws Exception {
        ImportKind kind = context.getBeansOfType(ImportKind.class).values().stream()
                .filter(k -> k.name().equals("students"))
                .findFirst()
                .orElseThrow();
        Tenancy tenancy = context.getBean(Tenancy.class);
        DataSource dataSource = context.getBean(DataSource.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        say("");
        say("Client-side phases, each a separate pass over the file (not part of the figures above):");
        for (Path file : List.of(csv, xlsx)) {
            String format = file.getFileName().toString().endsWith(".csv") ? "csv" : "xlsx";
            phase(format + " read rows only", () -> read(file, null, null, false));
            phase(format + " read + map headers + validate + duplicate check", () -> read(file, kind, tenancy, false));
            phase(format + " read + validate + format staging CSV", () -> read(file, kind, tenancy, true));
            phase(
                    format + " read + validate + staging COPY (rolled back)",
                    () -> tx.execute(status -> {
                        status.setRollbackOnly();
                        try {
                            return stage(file, kind, tenancy, dataSource);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }));
        }
        say("%d rows each", rows);
    }

    private static void phase(String name, Callable<Long> work) throws Exception {
        System.gc();
        long started = System.nanoTime();
        long count = work.call();
        say("    %8.2f s  %s (%d rows)", seconds(System.nanoTime() - started), name, count);
    }

    /** What {@code Importer.Pass} does for each row, without the database. */
    private static long read(Path file, ImportKind kind, Tenancy tenancy, boolean format) throws Exception {
        long count = 0;
        long bytes = 0;
        try (SheetSource source = SheetSources.open(file, ImportSettings.defaults())) {
            HeaderMap header = kind == null ? null : HeaderMap.of(source.next(), kind.columns());
            ImportRun run = kind == null
                    ? null
                    : kind.begin(tenancy.scope(), UUID.randomUUID().toString());
            KeyIndex keys = new KeyIndex();
            List<Object[]> batch = new ArrayList<>(StagingWriter.BATCH);
            long[] refused = {0};
            while (source.hasNext()) {
                SheetRow row = source.next();
                if (run == null) {
                    count += row.cells().size() > 0 ? 1 : 0;
                    continue;
                }
                if (row.isBlank()) {
                    continue;
                }
                StagedRow staged = run.validate(header.values(row), (column, value, key) -> refused[0]++);
                if (staged == null || keys.putIfAbsent(staged.key(), row.number()) != 0) {
                    refused[0]++;
                    continue;
                }
                count++;
                if (format) {
                    Object[] values = new Object[staged.values().length + 1];
                    values[0] = "key";
                    System.arraycopy(staged.values(), 0, values, 1, staged.values().length);
                    batch.add(values);
                    if (batch.size() == StagingWriter.BATCH) {
                        bytes += StagingWriter.csv(batch).getBytes(StandardCharsets.UTF_8).length;
                        batch.clear();
                    }
                }
            }
            if (refused[0] > 0) {
                throw new IllegalStateException(refused[0] + " rows refused");
            }
        }
        stagingBytes = bytes;
        return count;
    }

    private static long stage(Path file, ImportKind kind, Tenancy tenancy, DataSource dataSource) throws Exception {
        long count = 0;
        String key = UUID.randomUUID().toString();
        try (SheetSource source = SheetSources.open(file, ImportSettings.defaults())) {
            HeaderMap header = HeaderMap.of(source.next(), kind.columns());
            ImportRun run = kind.begin(tenancy.scope(), key);
            try (StagingWriter staging = new StagingWriter(dataSource, run.stagingTable(), run.stagingColumns(), key)) {
                while (source.hasNext()) {
                    SheetRow row = source.next();
                    StagedRow staged = run.validate(header.values(row), (column, value, k) -> {
                        throw new IllegalStateException("refused: " + column + " " + value + " " + k);
                    });
                    staging.add(staged.values(), row.number());
                    count++;
                }
            }
        }
        return count;
    }

    // ---- output

    private static void printTable(int rows, String postgres, Map<String, String> sizes) {
        Line copy = LINES.stream()
                .filter(l -> l.name().equals("COPY (reference)"))
                .findFirst()
                .orElseThrow();
        // the same COPY at the start of the run: between the two, the machine's own drift
        Line warmUp =
                LINES.stream().filter(l -> l.name().equals(WARM_UP)).findFirst().orElseThrow();
        say("");
        say(
                "Student import benchmark: %,d rows, %d CPUs, JVM max heap %d MiB, JDK %s, PostgreSQL %s",
                rows,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"),
                postgres);
        say("files: csv %s, xlsx %s, resolved csv for COPY %s", sizes.get("csv"), sizes.get("xlsx"), sizes.get("copy"));
        say("");
        say("| run                            |      rows | seconds |  rows/s | x COPY | peak heap MiB | GC s | WAL MB"
                + " | JVM CPU s | PG CPU s | idle s | steal s | result");
        say("|--------------------------------|----------:|--------:|--------:|-------:|--------------:|-----:|-------:"
                + "|----------:|---------:|-------:|--------:|-------");
        for (Line l : LINES) {
            say(
                    "| %-30s | %9d | %7.2f | %7.0f | %6.2f | %13d | %4.1f | %6d | %9.2f | %8s | %6.2f | %7.2f | %s",
                    l.name(),
                    l.rows(),
                    seconds(l.nanos()),
                    l.rows() / seconds(l.nanos()),
                    (double) l.nanos() / copy.nanos(),
                    l.peakHeap() / (1024 * 1024),
                    l.gcMillis() / 1000.0,
                    l.walBytes() / (1024 * 1024),
                    seconds(l.cpu().jvmNanos()),
                    l.cpu().postgresTicks() < 0
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", l.cpu().postgresTicks() / CpuClock.TICKS),
                    l.cpu().idleTicks() / CpuClock.TICKS,
                    l.cpu().stealTicks() / CpuClock.TICKS,
                    l.result());
        }
        say("");
        for (int i = 0; i < LINES.size(); i++) {
            Line l = LINES.get(i);
            if (List.of("csv import", NO_EARLY_WRITES, "xlsx import").contains(l.name())) {
                say(
                        "%s / COPY: %.2f (/ the warm-up COPY: %.2f; its PostgreSQL CPU / COPY's: %s)",
                        l.name(),
                        (double) l.nanos() / copy.nanos(),
                        (double) l.nanos() / warmUp.nanos(),
                        l.cpu().postgresTicks() < 0 || copy.cpu().postgresTicks() <= 0
                                ? "n/a"
                                : String.format(
                                        Locale.ROOT,
                                        "%.2f",
                                        (double) l.cpu().postgresTicks()
                                                / copy.cpu().postgresTicks()));
                Line refresh = LINES.get(i + 1);
                say(
                        "%s + summaries refresh / COPY: %.2f",
                        l.name(), (double) (l.nanos() + refresh.nanos()) / copy.nanos());
            }
        }
        say("(peak heap: sum of the heap pools' peaks during the run, an upper bound; CPU: %s)", CpuClock.SOURCES);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .filter(t -> t > 0)
                .sum();
    }

    private static String size(Path file) throws java.io.IOException {
        return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1_000_000.0);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
