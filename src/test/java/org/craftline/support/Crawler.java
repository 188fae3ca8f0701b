package org.craftline.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Walks the application as one signed-in user would: every menu entry and every link one level
 * below it (one link of each shape: of fifty students, the first), in Chinese in the browser and
 * again in English, and notes every page that answers an error, shows a message key, logs a
 * console error, offers a form the user may not send, or is wider than a phone. Bounded: at most
 * {@link #MAX_PAGES} pages a user.
 */
public final class Crawler {

    public static final int MAX_PAGES = 150;
    private static final Pattern SKIP = Pattern.compile(
            "/export|/download|/template|/file|/certificate$|/document$|\\.(xlsx|csv|pdf)$|format=(pdf|xlsx|csv)|/logout|lang=");
    private static final Pattern MESSAGE_KEY = Pattern.compile("\\?\\?[^?\\n]{1,80}\\?\\?");

    /** What one user's walk found. */
    public record Finding(String user, String url, String kind, String detail) {
        @Override
        public String toString() {
            return user + "  " + kind + "  " + url + "  " + detail;
        }
    }

    /** A user of the walk and the width of its screen. */
    public record Walker(String username, int width) {
        public boolean phone() {
            return width < 576;
        }
    }

    private final Browser browser;
    private final String base;
    private final WebInvocationPrivilegeEvaluator rules;
    private final UserDetailsService users;

    public Crawler(Browser browser, int port, WebInvocationPrivilegeEvaluator rules, UserDetailsService users) {
        this.browser = browser;
        this.base = "http://127.0.0.1:" + port;
        this.rules = rules;
        this.users = users;
    }

    /** The pages the user visited, and what was wrong with them. */
    public record Walk(List<String> visited, List<Finding> findings) {}

    /** Walks each user, writes what it found to {@code target/crawl-<name>.txt} and answers it. */
    public List<Finding> walkAll(String name, List<Walker> walkers) {
        long start = System.nanoTime();
        List<Finding> all = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        int pages = 0;
        for (Walker walker : walkers) {
            long t = System.nanoTime();
            Walk walk = walk(walker);
            pages += walk.visited().size();
            all.addAll(walk.findings());
            report.append(String.format(
                    "%s (%d px): %d pages in Chinese and again in English, %d findings, %.1f s%n",
                    walker.username(),
                    walker.width(),
                    walk.visited().size(),
                    walk.findings().size(),
                    (System.nanoTime() - t) / 1e9));
            walk.visited().forEach(v -> report.append("    ").append(v).append('\n'));
        }
        report.append("findings:\n");
        all.forEach(f -> report.append("    ").append(f).append('\n'));
        String summary = String.format(
                "crawl %s: %d users, %d pages (x2 languages), %d findings, %.1f s",
                name, walkers.size(), pages, all.size(), (System.nanoTime() - start) / 1e9);
        System.out.println(summary);
        try {
            java.nio.file.Files.createDirectories(Paths.get("target"));
            java.nio.file.Files.writeString(Paths.get("target", "crawl-" + name + ".txt"), summary + "\n" + report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return all;
    }

    public Walk walk(Walker walker) {
        List<Finding> findings = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        try (BrowserContext context =
                browser.newContext(new Browser.NewContextOptions().setViewportSize(walker.width(), 900))) {
            Page page = context.newPage();
            List<String> console = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    console.add(m.text());
                }
            });
            page.onPageError(e -> console.add(e));
            signIn(page, walker.username());
            Authentication who = authentication(walker.username());
            Deque<String[]> queue = new ArrayDeque<>();
            Set<String> shapes = new HashSet<>();
            for (String link : links(page, "nav.navbar a[href]")) {
                enqueue(queue, shapes, link, "0");
            }
            while (!queue.isEmpty() && visited.size() < MAX_PAGES) {
                String[] next = queue.poll();
                visited.add(next[0]);
                console.clear();
                visit(page, walker, who, next[0], console, findings);
                if (next[1].equals("0")) {
                    for (String link : links(page, "main a[href]")) {
                        enqueue(queue, shapes, link, "1");
                    }
                }
            }
            probeMissing(page, walker, findings);
            inEnglish(context, walker, visited, findings);
        }
        return new Walk(visited, findings);
    }

    private void visit(
            Page page, Walker walker, Authentication who, String path, List<String> console, List<Finding> findings) {
        Response response = page.navigate(base + path);
        page.waitForLoadState(LoadState.LOAD);
        page.waitForTimeout(60); // htmx parts load right after
        int status = response == null ? 0 : response.status();
        if (status >= 400) {
            note(findings, page, walker, path, "status", String.valueOf(status));
        }
        String text = (String) page.evaluate("() => document.body.innerText");
        Matcher key = MESSAGE_KEY.matcher(text);
        if (key.find()) {
            note(findings, page, walker, path, "message-key", key.group());
        }
        if (!console.isEmpty()) {
            note(findings, page, walker, path, "console", String.join(" | ", console));
        }
        String switchTo = (String)
                page.evaluate(
                        "() => { const a = document.querySelector('#lang-en, #lang-zh'); return a ? a.getAttribute('href') : null; }");
        if (switchTo != null && !keepsQuery(switchTo, path)) {
            note(findings, page, walker, path, "language-switch-drops-query", switchTo);
        }
        for (String action : formActions(page)) {
            if (!rules.isAllowed("", action, "POST", who)) {
                note(findings, page, walker, path, "form-not-allowed", "POST " + action);
            }
        }
        if (walker.phone()) {
            Object wide = page.evaluate(
                    "() => document.documentElement.scrollWidth > innerWidth + 1"
                            + " || [...document.querySelectorAll('table')].some(t => t.getBoundingClientRect().right > innerWidth + 1)");
            if (Boolean.TRUE.equals(wide)) {
                note(findings, page, walker, path, "wider-than-phone", walker.width() + " px");
            }
        }
    }

    /** The language switch leads to the same page with the same parameters (names compared). */
    private static boolean keepsQuery(String switchTo, String path) {
        String query = URI.create(path).getRawQuery();
        if (query == null) {
            return true;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            if (!name.isEmpty()
                    && !name.equals("lang")
                    && !switchTo.contains("?" + name + "=")
                    && !switchTo.contains("&" + name + "=")) {
                return false;
            }
        }
        return true;
    }

    /** A page that does not exist answers 404 with a proper page. */
    private void probeMissing(Page page, Walker walker, List<Finding> findings) {
        Response response = page.navigate(base + "/no-such-page-" + walker.username());
        String text = (String) page.evaluate("() => document.body.innerText");
        if (response == null
                || response.status() != 404
                || MESSAGE_KEY.matcher(text).find()) {
            note(findings, page, walker, "/no-such-page", "probe-404", response == null ? "" : "" + response.status());
        }
    }

    /** The same pages in English, over the session's own cookies (status and message keys). */
    private void inEnglish(BrowserContext context, Walker walker, List<String> visited, List<Finding> findings) {
        for (String path : visited) {
            String url = base + path + (path.contains("?") ? "&" : "?") + "lang=en";
            var response = context.request().get(url);
            if (response.status() >= 400) {
                findings.add(
                        new Finding(walker.username(), path + " (en)", "status", String.valueOf(response.status())));
            }
            Matcher key = MESSAGE_KEY.matcher(response.text());
            if (key.find()) {
                findings.add(new Finding(walker.username(), path + " (en)", "message-key", key.group()));
            }
        }
    }

    private void signIn(Page page, String username) {
        page.navigate(base + "/login");
        page.locator("#username").fill(username);
        page.locator("#password").fill(TestUsers.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    @SuppressWarnings("unchecked")
    private List<String> links(Page page, String selector) {
        List<String> hrefs = (List<String>) page.evalOnSelectorAll(selector, "as => as.map(a => a.href)");
        List<String> paths = new ArrayList<>();
        for (String href : hrefs) {
            if (href.startsWith(base + "/") && !href.contains("#")) {
                paths.add(href.substring(base.length()));
            }
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private List<String> formActions(Page page) {
        List<String> actions = (List<String>) page.evalOnSelectorAll(
                "form[method=post], form[method=POST]",
                "fs => fs.filter(f => !f.closest('nav.navbar')).map(f => f.action)");
        List<String> paths = new ArrayList<>();
        for (String action : actions) {
            paths.add(URI.create(action).getPath());
        }
        return paths;
    }

    private static void enqueue(Deque<String[]> queue, Set<String> shapes, String path, String depth) {
        if (!SKIP.matcher(path).find() && shapes.add(shape(path))) {
            queue.add(new String[] {path, depth});
        }
    }

    /** A link's shape: segments with a digit become {n}, the query keeps its parameter names. */
    static String shape(String path) {
        URI uri = URI.create(path);
        StringBuilder shape = new StringBuilder();
        for (String segment : uri.getPath().split("/")) {
            shape.append(segment.matches(".*\\d.*") ? "{n}" : segment).append('/');
        }
        Set<String> names = new TreeSet<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                names.add(pair.split("=", 2)[0]);
            }
        }
        return shape + "?" + names;
    }

    private Authentication authentication(String username) {
        UserDetails user = users.loadUserByUsername(username);
        return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
    }

    private static void note(
            List<Finding> findings, Page page, Walker walker, String path, String kind, String detail) {
        boolean firstOfKind = findings.stream().noneMatch(f -> f.kind().equals(kind));
        findings.add(new Finding(walker.username(), path, kind, detail));
        if (firstOfKind) {
            Path shot = Paths.get("target", "screenshots", "crawl-" + kind + "-" + walker.username() + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
        }
    }
}
