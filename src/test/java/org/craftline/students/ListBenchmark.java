package org.craftline.students;

import com.jayway.jsonpath.JsonPath;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.craftline.CraftlineApplication;
import org.craftline.indicators.Summaries;
import org.craftline.shared.ListTotalsCap;
import org.craftline.shared.Term;
import org.craftline.support.TestDatabases;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lists as a school grows: the students list (API page 1, a class and a status filter, name and
 * number searches, a deep page by cursor, the {@code /students} page), the bureau's list over its
 * schools, and the other lists that grow with a school (certificates, placements, the audit log
 * page, trainees: page 1, a filter, their searches, a deep page by cursor), over HTTP on loopback, beside {@code /actuator/health} as the reference, with one
 * school (Zhenping, the demo's) grown to 10,000, 100,000 and 1,000,000 students in steps
 * ({@code -Dbench.sizes=}). Each figure is the median of {@code RUNS} calls after {@code WARM_UPS}
 * (signed in with a personal token on the API, a session on the page); the table gives the ratio to
 * the health call and to the same call at the first size. After the table, {@code EXPLAIN
 * (ANALYZE, BUFFERS)} of each list statement the application ran, with its own parameters (of every
 * statement it ran with {@code -Dbench.explainAll=true}: the sign-in's, the search's look-ups). When
 * {@code wrk} is installed, page 1 and the health call are also loaded with 8 connections for 5 s.
 *
 * <p>Fresh database made by {@link TestDatabases} (dropped at exit); students generated set-based
 * ({@code generate_series}) with Chinese names from 60 surnames (and for 1 in 100 four compound
 * surnames) and 100 given-name characters, a
 * class of 40 for each 40, 3 in 100 suspended; then {@code VACUUM (ANALYZE)}. Run with
 * {@code bench/lists.sh}.
 */
public final class ListBenchmark {

    static final String SCHOOL = "4141019999";
    static final String ADMIN = "bench-admin";
    static final String PASSWORD = "bench-password-1";
    private static final int WARM_UPS = 10;
    /** The first size also warms the JIT: without it the first figures are the compiler's. */
    private static final int FIRST_WARM_UPS = 60;

    private static final int RUNS = 31;
    /** Whether every statement's plan is printed, not only those reading a grown table. */
    private static final boolean EXPLAIN_ALL = Boolean.getBoolean("bench.explainAll");

    /** The list statements whose plans are printed: those reading a grown table. */
    private static final Pattern LISTED =
            Pattern.compile("(student s|certificate c|internship i|audit_event|trainee t)\\b");

    /** A name of three characters the generator never makes (neither its surname nor its given names are used). */
    private static final String ONE_NAME = "欧阳旸";

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石";
    /**
     * One student in a hundred bears a surname of two characters (a name of three or four): the names
     * longer than three characters that a contains search finds through the trigram index (V100).
     */
    private static final String COMPOUND_SURNAMES = "司马上官诸葛东方";

    private static final String GIVEN =
            "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红建文辉力永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";

    private ListBenchmark() {}

    public static void main(String[] args) {
        int exit;
        try {
            List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "10000,100000,1000000")
                            .split(","))
                    .map(String::strip)
                    .map(Integer::parseInt)
                    .toList();
            for (int i = 0; i < sizes.size(); i++) {
                if (sizes.get(i) < 1_000 || sizes.get(i) > 5_000_000 || (i > 0 && sizes.get(i) <= sizes.get(i - 1))) {
                    throw new IllegalArgumentException("bench.sizes: rising sizes from 1000 to 5000000");
                }
            }
            exit = run(sizes);
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 2;
        }
        System.out.flush();
        System.exit(exit); // runs TestDatabases' shutdown hook, which drops the database
    }

    private static int run(List<Integer> sizes) throws Exception {
        String url = TestDatabases.url();
        say("database: " + url);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", TestDatabases.user());
        properties.put("spring.datasource.password", TestDatabases.password());
        properties.put("craftline.demo.enabled", "true");
        properties.put("craftline.demo.password", PASSWORD);
        properties.put("craftline.admin-password", PASSWORD);
        properties.put("craftline.data-dir", "target/bench-lists-data");
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jmx.enabled", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.craftline", "WARN");
        long started = System.nanoTime();
        PrintStream out = System.out;
        ConfigurableApplicationContext context;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            context = new SpringApplicationBuilder(CraftlineApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new StatementLog()))
                    .run(properties.entrySet().stream()
                            .map(e -> "--" + e.getKey() + "=" + e.getValue())
                            .toArray(String[]::new));
        } finally {
            System.setOut(out);
        }
        say("application started and demo loaded in %.1f s", (System.nanoTime() - started) / 1e9);
        try (context;
                Connection bare = connect(url)) {
            return measure(context, bare, sizes);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", TestDatabases.user());
        props.setProperty("password", TestDatabases.password());
        return DriverManager.getConnection(url, props);
    }

    /** One timed call: its label and path, and who makes it. */
    private record Call(String label, String path, Who who) {}

    private enum Who {
        ANONYMOUS,
        SCHOOL_TOKEN,
        BUREAU_TOKEN,
        SCHOOL_SESSION
    }

    private record Step(
            int size,
            Map<String, Double> medians,
            Map<String, Double> sql,
            Map<String, Integer> bytes,
            Map<String, Double> fastest,
            Map<String, Double> sqlFastest) {}

    private static int measure(ConfigurableApplicationContext context, Connection bare, List<Integer> sizes)
            throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        long school = school(jdbc);
        Http http = new Http(port, token(jdbc, ADMIN), token(jdbc, "bureau"));
        http.login(ADMIN, PASSWORD);
        List<Step> steps = new ArrayList<>();
        Map<String, List<String>> plans = new LinkedHashMap<>();
        List<String> wrk = new ArrayList<>();
        // the demo's tables as a running server's autovacuum leaves them: without it the units'
        // trigram index was a pending list that PostgreSQL would not use, and the placements' check
        // of the units' names read the 2,520 units (0.9 ms) at every size (docs/benchmarks.md)
        long vacuumed = System.nanoTime();
        try (Statement s = bare.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
        }
        say("the demo's tables vacuumed and analysed in %.1f s", (System.nanoTime() - vacuumed) / 1e9);
        say("uptime before: %s", uptime());
        int generated = 0;
        for (int size : sizes) {
            long t0 = System.nanoTime();
            generate(bare, school, generated, size);
            generated = size;
            // the generator bypassed the summaries' change log: the school's summaries (the aid
            // roll-up's among them) recomputed now, not by the background refresh during the calls
            jdbc.update("INSERT INTO summary_change (school_id) VALUES (?)", school);
            long refreshed = System.nanoTime();
            context.getBean(Summaries.class).refresh();
            refreshed = System.nanoTime() - refreshed;
            say(
                    "%n== %,d students in school %s; %,d in the bureau's schools; generated, analysed and summarised in %.1f s",
                    size,
                    SCHOOL,
                    jdbc.queryForObject(
                            "SELECT COUNT(*) FROM student s JOIN school sc ON sc.id = s.school_id"
                                    + " WHERE sc.region_id = (SELECT region_id FROM school WHERE id = ?)",
                            Long.class,
                            school),
                    (System.nanoTime() - t0) / 1e9);
            // what one write costs the background refresh of this school: every summary recomputed
            say("  the school's summaries (summary_aid's among them) refreshed in %.2f s", refreshed / 1e9);
            say("  load: %s", uptime());
            List<Call> calls = calls(jdbc, school);
            steps.add(time(http, size, calls, steps.isEmpty()));
            eligibilityTotals(http, calls);
            for (Call call : calls) {
                if (call.who() != Who.ANONYMOUS) {
                    StatementLog.start();
                    http.get(call.path(), call.who());
                    plans.put(compact(size) + ", " + call.label(), explain(bare, StatementLog.stop()));
                }
            }
            wrk.addAll(wrk(http, size));
        }
        say("uptime after: %s", uptime());
        print(jdbc, steps);
        wrk.forEach(ListBenchmark::say);
        say("");
        plans.forEach((label, plan) -> {
            say("EXPLAIN (ANALYZE, BUFFERS) at %s:", label);
            plan.forEach(line -> say("    " + line));
        });
        return 0;
    }

    /**
     * The eligibility lists' totals as shown (beyond the count cap, from a sample: aid.domain.Eligibility)
     * against their exact count, the cap lifted for one more call: the sample's error at this size.
     */
    private static void eligibilityTotals(Http http, List<Call> calls) throws Exception {
        for (Call call : calls) {
            if (!call.path().startsWith("/api/v1/aid/eligibility")
                    || call.path().contains("after=")) {
                continue;
            }
            String shown = new String(http.get(call.path(), call.who()), StandardCharsets.UTF_8);
            String exact;
            try (var cap = ListTotalsCap.of(100_000_000)) {
                exact = new String(http.get(call.path(), call.who()), StandardCharsets.UTF_8);
            }
            long total = ((Number) JsonPath.read(shown, "$.total")).longValue();
            long counted = ((Number) JsonPath.read(exact, "$.total")).longValue();
            say(
                    "  total of %s: shown %s%,d, exact %,d (%+.1f%%)",
                    call.label(),
                    Boolean.TRUE.equals(JsonPath.read(shown, "$.totalExact")) ? "" : "about ",
                    total,
                    counted,
                    counted == 0 ? 0.0 : 100.0 * (total - counted) / counted);
        }
    }

    /**
     * Warm-up rounds (more at the first size), then {@code RUNS} rounds over all the calls (each round calls each once, so
     * that a burst of load on the machine touches every call alike); the median of each call.
     */
    private static Step time(Http http, int size, List<Call> calls, boolean first) throws Exception {
        Map<String, List<Long>> nanos = new LinkedHashMap<>();
        Map<String, List<Long>> sqlNanos = new LinkedHashMap<>();
        Step step = new Step(
                size,
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>());
        int warmUps = first ? FIRST_WARM_UPS : WARM_UPS;
        for (int round = 0; round < warmUps + RUNS; round++) {
            for (Call call : calls) {
                StatementLog.SQL_NANOS.set(0);
                long began = System.nanoTime();
                int bytes = http.get(call.path(), call.who()).length;
                long took = System.nanoTime() - began;
                if (round >= warmUps) {
                    nanos.computeIfAbsent(call.label(), k -> new ArrayList<>()).add(took);
                    sqlNanos.computeIfAbsent(call.label(), k -> new ArrayList<>())
                            .add(StatementLog.SQL_NANOS.get());
                    step.bytes().put(call.label(), bytes);
                }
            }
        }
        for (Call call : calls) {
            step.medians().put(call.label(), median(nanos.get(call.label())));
            step.sql().put(call.label(), median(sqlNanos.get(call.label())));
            step.fastest().put(call.label(), fastest(nanos.get(call.label())));
            step.sqlFastest().put(call.label(), fastest(sqlNanos.get(call.label())));
            say(
                    "  %-26s %8.2f ms  SQL %6.2f ms  %,8d bytes  %s",
                    call.label(),
                    step.medians().get(call.label()),
                    step.sql().get(call.label()),
                    step.bytes().get(call.label()),
                    call.path());
        }
        return step;
    }

    private static List<Call> calls(JdbcTemplate jdbc, long school) {
        // the generator makes 1,500 distinct names, so L0000001's name matches 5 students at 10k and
        // 477 at 1M; one student renamed to a name it never makes gives a search whose matches stay one
        jdbc.update(
                "UPDATE student SET name = ? WHERE school_id = ? AND student_number = 'L0000002' AND name <> ?",
                ONE_NAME,
                school,
                ONE_NAME);
        String name = jdbc.queryForObject(
                "SELECT name FROM student WHERE school_id = ? AND student_number = 'L0000001'", String.class, school);
        long classId = jdbc.queryForObject(
                "SELECT class_id FROM student WHERE school_id = ? AND student_number = 'L0000001'", Long.class, school);
        long middle = jdbc.queryForObject(
                "SELECT id FROM student WHERE school_id = ? AND student_number >= 'L' ORDER BY student_number"
                        + " OFFSET ? LIMIT 1",
                Long.class,
                school,
                jdbc.queryForObject(
                                "SELECT COUNT(*) FROM student WHERE school_id = ? AND student_number >= 'L'",
                                Long.class,
                                school)
                        / 2);
        String surname = name.substring(0, 1);
        String two = name.substring(0, 2);
        List<Call> calls = new ArrayList<>(List.of(
                new Call("health (reference)", "/actuator/health", Who.ANONYMOUS),
                new Call("API page 1", "/api/v1/students", Who.SCHOOL_TOKEN),
                new Call("API class filter", "/api/v1/students?classId=" + classId, Who.SCHOOL_TOKEN),
                new Call("API status filter", "/api/v1/students?status=SUSPENDED", Who.SCHOOL_TOKEN),
                new Call("API name search (3 chars)", "/api/v1/students?q=" + encode(name), Who.SCHOOL_TOKEN),
                new Call("API 3 chars, one match", "/api/v1/students?q=" + encode(ONE_NAME), Who.SCHOOL_TOKEN),
                new Call("API name search (2 chars)", "/api/v1/students?q=" + encode(two), Who.SCHOOL_TOKEN),
                new Call("API surname (1 char)", "/api/v1/students?q=" + encode(surname), Who.SCHOOL_TOKEN),
                new Call("API number search", "/api/v1/students?q=L00012", Who.SCHOOL_TOKEN),
                new Call("API deep page (cursor)", "/api/v1/students?after=" + middle + "&page=2", Who.SCHOOL_TOKEN),
                new Call("page /students", "/students", Who.SCHOOL_SESSION),
                new Call("bureau API page 1", "/api/v1/students", Who.BUREAU_TOKEN),
                new Call("bureau API surname", "/api/v1/students?q=" + encode(surname), Who.BUREAU_TOKEN)));
        calls.addAll(otherCalls(jdbc, school, name, surname, classId));
        return calls;
    }

    /** The other growing lists: page 1, a filter, the searches and a deep page by cursor of each. */
    private static List<Call> otherCalls(JdbcTemplate jdbc, long school, String name, String surname, long classId) {
        String trainee = jdbc.queryForObject(
                "SELECT name FROM trainee WHERE school_id = ? ORDER BY id LIMIT 1", String.class, school);
        // the surname of the first student with aid (the tenth): a sixth of the recognitions and payments bear it
        String aided = jdbc.queryForObject(
                        "SELECT name FROM student WHERE school_id = ? AND student_number = 'L0000010'",
                        String.class,
                        school)
                .substring(0, 1);
        return List.of(
                new Call("certificates page 1", "/api/v1/certificates", Who.SCHOOL_TOKEN),
                new Call("certificates lapsed", "/api/v1/certificates?status=LAPSED", Who.SCHOOL_TOKEN),
                new Call("certificates holder 3ch", "/api/v1/certificates?holder=" + encode(name), Who.SCHOOL_TOKEN),
                new Call(
                        "certificates 3ch, 1 match",
                        "/api/v1/certificates?holder=" + encode(ONE_NAME),
                        Who.SCHOOL_TOKEN),
                new Call("certificates surname", "/api/v1/certificates?holder=" + encode(surname), Who.SCHOOL_TOKEN),
                new Call("certificates number", "/api/v1/certificates?holder=L00012", Who.SCHOOL_TOKEN),
                new Call(
                        "certificates deep",
                        "/api/v1/certificates?page=2&after=" + middle(jdbc, "certificate", school),
                        Who.SCHOOL_TOKEN),
                new Call("placements page 1", "/api/v1/internships", Who.SCHOOL_TOKEN),
                new Call("placements ended early", "/api/v1/internships?status=ENDED_EARLY", Who.SCHOOL_TOKEN),
                new Call("placements class filter", "/api/v1/internships?class=" + classId, Who.SCHOOL_TOKEN),
                new Call("placements name 3ch", "/api/v1/internships?q=" + encode(name), Who.SCHOOL_TOKEN),
                new Call("placements 3ch, 1 match", "/api/v1/internships?q=" + encode(ONE_NAME), Who.SCHOOL_TOKEN),
                new Call("placements surname", "/api/v1/internships?q=" + encode(surname), Who.SCHOOL_TOKEN),
                new Call("placements number", "/api/v1/internships?q=L00012", Who.SCHOOL_TOKEN),
                new Call(
                        "placements deep",
                        "/api/v1/internships?page=2&after=" + middle(jdbc, "internship", school),
                        Who.SCHOOL_TOKEN),
                new Call("bureau certificates", "/api/v1/certificates", Who.BUREAU_TOKEN),
                new Call("bureau placements", "/api/v1/internships", Who.BUREAU_TOKEN),
                new Call("page /audit", "/audit", Who.SCHOOL_SESSION),
                new Call(
                        "page /audit deep",
                        "/audit?page=2&after=" + middle(jdbc, "audit_event", school),
                        Who.SCHOOL_SESSION),
                new Call("trainees page 1", "/api/v1/social/trainees", Who.SCHOOL_TOKEN),
                new Call(
                        "trainees surname",
                        "/api/v1/social/trainees?q=" + encode(trainee.substring(0, 1)),
                        Who.SCHOOL_TOKEN),
                new Call("aid eligible page 1", "/api/v1/aid/eligibility", Who.SCHOOL_TOKEN),
                new Call("aid all of years 1-3", "/api/v1/aid/eligibility?show=ALL", Who.SCHOOL_TOKEN),
                new Call("aid grant (few)", "/api/v1/aid/eligibility?show=GRANT", Who.SCHOOL_TOKEN),
                new Call("aid number", "/api/v1/aid/eligibility?show=ALL&q=L00012", Who.SCHOOL_TOKEN),
                new Call("aid surname", "/api/v1/aid/eligibility?show=ALL&q=" + encode(surname), Who.SCHOOL_TOKEN),
                new Call(
                        "aid 3ch, 1 match", "/api/v1/aid/eligibility?show=ALL&q=" + encode(ONE_NAME), Who.SCHOOL_TOKEN),
                new Call(
                        "aid deep",
                        "/api/v1/aid/eligibility?show=ALL&page=2&after=" + middle(jdbc, "student", school),
                        Who.SCHOOL_TOKEN),
                new Call("page /aid", "/aid", Who.SCHOOL_SESSION),
                new Call("hardships page 1", "/api/v1/aid/hardships", Who.SCHOOL_TOKEN),
                new Call("hardships surname", "/api/v1/aid/hardships?q=" + encode(surname), Who.SCHOOL_TOKEN),
                new Call("hardships surname, many", "/api/v1/aid/hardships?q=" + encode(aided), Who.SCHOOL_TOKEN),
                new Call("ledger page 1", "/api/v1/aid/disbursements", Who.SCHOOL_TOKEN),
                new Call("ledger surname", "/api/v1/aid/disbursements?q=" + encode(surname), Who.SCHOOL_TOKEN),
                new Call("ledger surname, many", "/api/v1/aid/disbursements?q=" + encode(aided), Who.SCHOOL_TOKEN),
                new Call(
                        "ledger deep",
                        "/api/v1/aid/disbursements?page=2&after=" + middle(jdbc, "aid_disbursement", school),
                        Who.SCHOOL_TOKEN),
                new Call("aid roll-up, school", "/api/v1/aid/rollup", Who.SCHOOL_TOKEN),
                new Call("aid roll-up, bureau", "/api/v1/aid/rollup", Who.BUREAU_TOKEN));
    }

    /** A row in the middle of the school's rows of a table: the cursor of a deep page. */
    private static long middle(JdbcTemplate jdbc, String table, long school) {
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE school_id = ?", Long.class, school);
        return jdbc.queryForObject(
                "SELECT id FROM " + table + " WHERE school_id = ? ORDER BY id OFFSET ? LIMIT 1",
                Long.class,
                school,
                rows / 2);
    }

    private static void print(JdbcTemplate jdbc, List<Step> steps) {
        say("");
        say(
                "List benchmark: one school grown to %s students; %d CPUs, JVM max heap %d MiB, JDK %s, PostgreSQL %s",
                String.join(
                        " / ",
                        steps.stream().map(s -> String.format("%,d", s.size())).toList()),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                System.getProperty("java.version"),
                jdbc.queryForObject("SHOW server_version", String.class));
        say(
                "rows student %,d (%s with indexes); median of %d calls after %d warm-ups, HTTP on loopback",
                jdbc.queryForObject("SELECT COUNT(*) FROM student", Long.class),
                jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('student'))", String.class),
                RUNS,
                WARM_UPS);
        StringBuilder head = new StringBuilder("| call                       |");
        StringBuilder rule = new StringBuilder("|----------------------------|");
        for (Step s : steps) {
            head.append(String.format(" %9s ms | x health | SQL ms |", compact(s.size())));
            rule.append("-------------:|---------:|-------:|");
        }
        head.append(" last / first | x health, last / first | SQL, last / first |");
        rule.append("-------------:|-----------------------:|------------------:|");
        say(head.toString());
        say(rule.toString());
        Step first = steps.get(0);
        Step last = steps.get(steps.size() - 1);
        for (String label : first.medians().keySet()) {
            StringBuilder line = new StringBuilder(String.format("| %-26s |", label));
            for (Step s : steps) {
                double ms = s.medians().get(label);
                line.append(String.format(
                        " %12.2f | %8.2f | %6.2f |",
                        ms, ms / s.medians().get("health (reference)"), s.sql().get(label)));
            }
            double lastFirst = last.medians().get(label) / first.medians().get(label);
            double healthLastFirst =
                    last.medians().get("health (reference)") / first.medians().get("health (reference)");
            double sqlLastFirst = first.sql().get(label) > 0
                    ? last.sql().get(label) / first.sql().get(label)
                    : Double.NaN;
            line.append(
                    String.format(" %12.2f | %22.2f | %17.2f |", lastFirst, lastFirst / healthLastFirst, sqlLastFirst));
            say(line.toString());
        }
        say(
                "(last / first: the call at %s students over the same call at %s; x health, last / first: the same"
                        + " with each divided by its step's health call, against drift of the machine's load; SQL ms:"
                        + " the median time the application's JDBC statements of the call took, summed)",
                compact(last.size()), compact(first.size()));
        fastestTable(steps);
    }

    /** The fastest of each call's timed calls: the least disturbed by other work on a busy machine. */
    private static void fastestTable(List<Step> steps) {
        say("");
        StringBuilder head = new StringBuilder("| call (fastest of %d)       |".formatted(RUNS));
        StringBuilder rule = new StringBuilder("|----------------------------|");
        for (Step s : steps) {
            head.append(String.format(" %6s min ms | SQL min ms |", compact(s.size())));
            rule.append("-------------:|-----------:|");
        }
        head.append(" min, last / first | SQL min, last / first |");
        rule.append("-------------------:|----------------------:|");
        say(head.toString());
        say(rule.toString());
        Step first = steps.get(0);
        Step last = steps.get(steps.size() - 1);
        for (String label : first.fastest().keySet()) {
            StringBuilder line = new StringBuilder(String.format("| %-26s |", label));
            for (Step s : steps) {
                line.append(String.format(
                        " %12.2f | %10.2f |",
                        s.fastest().get(label), s.sqlFastest().get(label)));
            }
            double sqlFirst = first.sqlFastest().get(label);
            line.append(String.format(
                    " %18.2f | %21.2f |",
                    last.fastest().get(label) / first.fastest().get(label),
                    sqlFirst > 0 ? last.sqlFastest().get(label) / sqlFirst : Double.NaN));
            say(line.toString());
        }
    }

    private static String compact(int size) {
        return size % 1_000_000 == 0 ? size / 1_000_000 + "M" : size % 1_000 == 0 ? size / 1_000 + "k" : "" + size;
    }

    // ---- generation

    /**
     * A new school beside Zhenping (same county, so the demo's city bureau reads it), offering
     * Zhenping's majors, with an administrator who signs in with the demo password.
     */
    private static long school(JdbcTemplate jdbc) {
        jdbc.update(
                "INSERT INTO school (code, name, name_en, region_id, founded_year)"
                        + " SELECT ?, '基准测试职业学校', 'Bench Vocational School', region_id, 2000 FROM school"
                        + " WHERE code = '4141013240'",
                SCHOOL);
        long id = jdbc.queryForObject("SELECT id FROM school WHERE code = ?", Long.class, SCHOOL);
        jdbc.update(
                "INSERT INTO school_major (school_id, major_id) SELECT ?, major_id FROM school_major"
                        + " WHERE school_id = (SELECT id FROM school WHERE code = '4141013240')",
                id);
        jdbc.update(
                "INSERT INTO app_user (username, display_name, password_hash, role, school_id, enabled, created_at)"
                        + " SELECT ?, '基准测试教务处', password_hash, 'SCHOOL_ADMIN', ?, TRUE, now() FROM app_user"
                        + " WHERE username = 'zp-admin'",
                ADMIN,
                id);
        return id;
    }

    private static void generate(Connection c, long school, int from, int to) throws SQLException {
        if (to <= from) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // rows consistent by construction
            s.execute("SET work_mem = '256MB'");
            s.execute("SET maintenance_work_mem = '512MB'");
            s.execute("SET jit = off"); // compiling the generation's expressions costs more than it saves
            s.execute("""
                    INSERT INTO school_class (school_id, major_id, entry_year, name)
                    SELECT %1$d, (SELECT array_agg(major_id ORDER BY major_id) FROM school_major WHERE school_id = %1$d)
                               [1 + k %% (SELECT COUNT(*) FROM school_major WHERE school_id = %1$d)],
                           2024 + k %% 3, 'Bench Class ' || lpad(k::text, 6, '0')
                    FROM generate_series(%2$d, %3$d) k
                    """.formatted(school, from / 40, (to - 1) / 40));
            s.execute("""
                    INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household, phone,
                           major_id, class_id, entry_year, status)
                    SELECT %1$d, 'L' || lpad(g::text, 7, '0'),
                           CASE WHEN g %% 100 = 37 THEN substr('%6$s', (1 + 2 * (g / 100 %% 4))::int, 2)
                                    ELSE substr('%4$s', (1 + (g * 7919) %% 60)::int, 1) END
                               || substr('%5$s', (1 + (g * 104729) %% 100)::int, 1)
                               || CASE WHEN g %% 3 = 0 THEN '' ELSE substr('%5$s', (1 + (g * 1299709 / 7) %% 100)::int, 1) END,
                           '41' || lpad(g::text, 16, '0'), CASE WHEN g %% 2 = 0 THEN 'MALE' ELSE 'FEMALE' END,
                           make_date(2008, (1 + g %% 12)::int, (1 + g %% 28)::int), 'RURAL', NULL, c.major_id, c.id, c.entry_year,
                           CASE WHEN g %% 100 < 3 THEN 'SUSPENDED' WHEN g %% 100 < 5 THEN 'WITHDRAWN' ELSE 'ENROLLED' END
                    FROM generate_series(%2$d::bigint + 1, %3$d::bigint) g
                    JOIN school_class c ON c.school_id = %1$d AND c.name = 'Bench Class ' || lpad(((g - 1) / 40)::text, 6, '0')
                    ORDER BY g
                    """.formatted(school, from, to, SURNAMES, GIVEN, COMPOUND_SURNAMES));
            otherLists(s, school, from, to);
            aidLists(s, school, from, to);
            s.execute("SET session_replication_role = DEFAULT");
            for (String table : List.of(
                    "student",
                    "school_class",
                    "certificate",
                    "internship",
                    "audit_event",
                    "trainee",
                    "student_status_change",
                    "hardship_recognition",
                    "aid_decision",
                    "aid_disbursement")) {
                s.execute("VACUUM (ANALYZE) " + table);
            }
        }
    }

    /**
     * The other lists grown with the students: a certificate for each student (1 in 50 lapsed), a
     * placement for each (at the demo's enterprises, copied from a demo placement for
     * its other columns; 1 in 20 ended early), an audit event for each, and a trainee for each tenth.
     * The names copied onto certificates and placements (V70) are written here: triggers are off.
     */
    private static void otherLists(Statement s, long school, int from, int to) throws SQLException {
        s.execute("""
                INSERT INTO certificate (school_id, student_id, kind, grade, grade_rank, name, issuing_body, cert_number,
                       issued_year, status, holder_name)
                SELECT %1$d, st.id, 'SKILL', 'LEVEL_4', 2, '玉雕工', '基准测试评价机构', 'B' || lpad(g::text, 8, '0'),
                       2015 + g %% 10, CASE WHEN g %% 50 = 0 THEN 'LAPSED' ELSE 'VALID' END, st.name
                FROM generate_series(%2$d::bigint + 1, %3$d::bigint) g
                JOIN student st ON st.school_id = %1$d AND st.student_number = 'L' || lpad(g::text, 7, '0')
                """.formatted(school, from, to));
        s.execute("""
                INSERT INTO internship
                SELECT r.*
                FROM generate_series(%2$d::bigint + 1, %3$d::bigint) g
                JOIN student st ON st.school_id = %1$d AND st.student_number = 'L' || lpad(g::text, 7, '0')
                CROSS JOIN (SELECT * FROM internship ORDER BY id LIMIT 1) t
                CROSS JOIN LATERAL jsonb_populate_record(NULL::internship, to_jsonb(t) || jsonb_build_object(
                           'id', nextval(pg_get_serial_sequence('internship', 'id')), 'school_id', %1$d, 'student_id', st.id,
                           'student_name', st.name,
                           'enterprise_id', (SELECT array_agg(id ORDER BY id) FROM enterprise)
                               [1 + g %% (SELECT COUNT(*) FROM enterprise)],
                           'status', CASE WHEN g %% 20 = 0 THEN 'ENDED_EARLY' ELSE 'ENDED' END,
                           'starts_on', date '2015-01-01' + (g %% 3650)::int,
                           'ends_on', date '2015-07-01' + (g %% 3650)::int)) r
                """.formatted(school, from, to));
        s.execute("""
                INSERT INTO audit_event (at, username, school_id, action, entity_type, entity_key)
                SELECT timestamptz '2020-01-01 00:00:00+08' + g * interval '1 minute', '%4$s', %1$d, 'UPDATE', 'student',
                       'L' || lpad(g::text, 7, '0')
                FROM generate_series(%2$d::bigint + 1, %3$d::bigint) g
                """.formatted(school, from, to, ADMIN));
        s.execute("""
                INSERT INTO trainee (school_id, name, id_number, id_tail, gender, birth_date, household)
                SELECT %1$d, substr('%4$s', (1 + (g * 7919) %% 60)::int, 1) || substr('%5$s', (1 + (g * 104729) %% 100)::int, 1)
                               || substr('%5$s', (1 + (g * 1299709 / 7) %% 100)::int, 1),
                       '42' || lpad(g::text, 16, '0'), right(lpad(g::text, 16, '0'), 4),
                       CASE WHEN g %% 2 = 0 THEN 'MALE' ELSE 'FEMALE' END, date '1990-01-01' + (g %% 7000)::int, 'RURAL'
                FROM generate_series(%2$d::bigint / 10 + 1, %3$d::bigint / 10) g
                """.formatted(school, from, to, SURNAMES, GIVEN));
    }

    /**
     * What the aid lists read, grown with the students: each student's enrolment on 1 September of its
     * entry year and, for the suspended and withdrawn, that change a month later (the history the
     * eligibility query reads as of the term); for each tenth student an approved hardship recognition
     * of this school year, this term's waiver decided and paid. The names copied onto the recognitions
     * and the payments (V97) are written here: triggers are off.
     */
    private static void aidLists(Statement s, long school, int from, int to) throws SQLException {
        Term term = Term.of(LocalDate.now());
        String students = """
                FROM generate_series(%2$d::bigint + 1, %3$d::bigint) g
                JOIN student st ON st.school_id = %1$d AND st.student_number = 'L' || lpad(g::text, 7, '0')
                """.formatted(school, from, to);
        s.execute("INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, recorded_by,"
                + " recorded_at) SELECT st.id, 'ENROLLED', 'ENROL', make_date(st.entry_year, 9, 1), 'bench', 'bench',"
                + " now() " + students);
        s.execute("INSERT INTO student_status_change (student_id, status, changed_on, reason, recorded_by, recorded_at)"
                + " SELECT st.id, st.status, make_date(st.entry_year, 10, 1), 'bench', 'bench', now() " + students
                + " WHERE st.status <> 'ENROLLED'");
        String tenth = students + " WHERE g % 10 = 0";
        s.execute("INSERT INTO hardship_recognition (school_id, student_id, school_year, level, evidence, decision,"
                + " reviewer, reviewed_on, created_at, student_name) SELECT st.school_id, st.id, " + term.startYear()
                + ", 'HARDSHIP', 'bench', 'APPROVED', 'bench', current_date, now(), st.name " + tenth);
        s.execute("INSERT INTO aid_decision (school_id, student_id, term, waiver, decided_by, decided_at)"
                + " SELECT st.school_id, st.id, '" + term + "', TRUE, 'bench', now() " + tenth);
        s.execute("INSERT INTO aid_disbursement (school_id, student_id, term, kind, amount, paid_on, voucher_no,"
                + " reversed, created_by, created_at, student_name) SELECT st.school_id, st.id, '" + term
                + "', 'WAIVER',"
                + " 1000, DATE '" + term.start() + "' + (g % 90)::int, 'BV' || lpad(g::text, 8, '0'), FALSE, 'bench',"
                + " now(), st.name " + tenth);
    }

    // ---- HTTP

    private static String token(JdbcTemplate jdbc, String username) throws Exception {
        String token = "cl_bench" + username.replaceAll("[^a-z]", "") + System.nanoTime();
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        jdbc.update(
                "INSERT INTO api_token (user_id, name, token_hash, prefix, created_at)"
                        + " SELECT id, 'list benchmark', ?, ?, now() FROM app_user WHERE username = ?",
                hash,
                token.substring(0, 8),
                username);
        return token;
    }

    private static final class Http {
        private final int port;
        private final String schoolToken;
        private final String bureauToken;
        private final HttpClient api =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final HttpClient pages = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        Http(int port, String schoolToken, String bureauToken) {
            this.port = port;
            this.schoolToken = schoolToken;
            this.bureauToken = bureauToken;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        void login(String user, String password) throws Exception {
            String form = new String(
                    pages.send(
                                    HttpRequest.newBuilder(uri("/login")).GET().build(),
                                    HttpResponse.BodyHandlers.ofByteArray())
                            .body(),
                    StandardCharsets.UTF_8);
            Matcher csrf =
                    Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String body =
                    "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
            HttpResponse<Void> answer = pages.send(
                    HttpRequest.newBuilder(uri("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + location);
            }
        }

        byte[] get(String path, Who who) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .timeout(Duration.ofMinutes(2))
                    .GET();
            switch (who) {
                case SCHOOL_TOKEN -> request.header("Authorization", "Bearer " + schoolToken);
                case BUREAU_TOKEN -> request.header("Authorization", "Bearer " + bureauToken);
                default -> {}
            }
            HttpResponse<byte[]> response = (who == Who.SCHOOL_SESSION ? pages : api)
                    .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        }
    }

    /** wrk, when installed: 8 connections, 2 threads, 5 s on page 1 and on the health call. */
    private static List<String> wrk(Http http, int size) throws Exception {
        List<String> lines = new ArrayList<>();
        if (!new java.io.File("/usr/bin/wrk").canExecute()) {
            return lines;
        }
        for (String[] target :
                List.of(new String[] {"/actuator/health", null}, new String[] {"/api/v1/students", http.schoolToken})) {
            List<String> command = new ArrayList<>(List.of("wrk", "-c8", "-t2", "-d5s", "--timeout", "10s"));
            if (target[1] != null) {
                command.addAll(List.of("-H", "Authorization: Bearer " + target[1]));
            }
            command.add(http.uri(target[0]).toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            lines.add("wrk -c8 -t2 -d5s at %s students, %s:".formatted(compact(size), target[0]));
            output.lines()
                    .filter(l -> l.contains("Latency")
                            || l.contains("Requests/sec")
                            || l.contains("requests in")
                            || l.contains("Non-2xx"))
                    .forEach(l -> lines.add("    " + l.strip()));
        }
        return lines;
    }

    // ---- plans

    /** EXPLAIN (ANALYZE, BUFFERS) of each list statement recorded, with its own parameters. */
    private static List<String> explain(Connection bare, List<StatementLog.Executed> statements) throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add("(" + statements.size() + " statements ran)");
        for (StatementLog.Executed e : statements) {
            String flat = e.sql().replaceAll("\\s+", " ").strip();
            if (!flat.startsWith("SELECT")
                    || !(EXPLAIN_ALL || LISTED.matcher(flat).find())) {
                continue;
            }
            lines.add("-- " + (flat.length() > 400 ? flat.substring(0, 400) + "…" : flat));
            lines.add("-- parameters " + e.params().values());
            try (PreparedStatement p = bare.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + e.sql())) {
                for (Map.Entry<Integer, Object> param : e.params().entrySet()) {
                    p.setObject(param.getKey(), param.getValue());
                }
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
            }
        }
        return lines;
    }

    // ---- small things

    private static double fastest(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6;
    }

    private static double median(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String uptime() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
