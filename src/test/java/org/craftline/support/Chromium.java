package org.craftline.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, headless, as the browser tests drive it (never a downloaded browser). Like
 * the PostgreSQL tests, CI requires it ({@code craftline.browser.required}); a developer's machine
 * without it skips the browser tests with one loud line.
 */
public final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get(System.getProperty("craftline.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            String reason = EXECUTABLE + " is missing: apt-get install chromium (.ci/run does)";
            if (Boolean.getBoolean("craftline.browser.required")) {
                throw new IllegalStateException(reason + " (craftline.browser.required=true)");
            }
            System.err.println("\n!!!!! SKIPPING BROWSER TESTS: " + reason + " !!!!!\n");
            Assumptions.abort(reason);
        }
        Playwright playwright = Playwright.create();
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run",
                                "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
